"""Training the line model from ``data/pages.txt`` (pages written and labelled for briefgen).

Two logistic regressions over the features of ``briefgen.ingest.features``: ``body`` (is this line body
text?) on every line, and ``title`` (is this line the headline?) on the lines above a page's first body
line. Newton's method with L2 regularisation, a fixed number of steps from zero weights: the same data
always gives the same weights. ``scripts/train_lines.py`` writes them to
``data/line_model.json``; a test checks the shipped file against a fresh run.
"""

from __future__ import annotations

import bisect
import json
import math
import operator
from dataclasses import dataclass
from pathlib import Path

from briefgen.ingest.features import NAMES, TITLE_EXTRA, is_meta, page_features, title_extras
from briefgen.ingest.lines import split_lines
from briefgen.ingest.meta import leading_stamp
from briefgen.ingest.phrases import DATA

PAGES = DATA / "pages.txt"
MODEL = DATA / "line_model.json"
STEPS = 12
"""Newton iterations: the weights no longer move in the sixth decimal after about ten."""
L2 = 1e-3
BODY_HIDDEN = ("body_overlap",)
"""Features the body model does not use: in a long article every line shares words with the others, so
overlap says little about body text (it tells headlines and captions apart, for the title model)."""


@dataclass(frozen=True)
class Page:
    name: str
    lang: str
    labels: tuple[str, ...]
    text: str


def read_pages(path: Path = PAGES) -> list[Page]:
    """The labelled pages of ``path``: "== lang name" headers, then "label<TAB>text" lines."""
    pages: list[Page] = []
    head: list[str] | None = None
    labels: list[str] = []
    rows: list[str] = []
    for raw in [*path.read_text(encoding="utf-8").splitlines(), "== end"]:
        if raw.startswith("#"):
            continue
        if raw.startswith("== "):
            if head is not None:
                pages.append(Page(head[1], head[0], tuple(labels), "\n".join(rows).strip("\n")))
            head, labels, rows = raw[3:].split(maxsplit=1), [], []
        elif raw.strip():
            label, _, text = raw.partition("\t")
            labels.append(label)
            rows.append(text)
        else:
            rows.append("")
    return pages


def examples(pages: list[Page]) -> tuple[list[list[float]], list[int], list[list[float]], list[int]]:
    """(body rows, body targets, title rows, title targets) of every page."""
    body_x, body_y, title_x, title_y = [], [], [], []
    for page in pages:
        stamp = leading_stamp(page.text)  # as parse_text does: a crawler's date stamp is not a line
        lines = split_lines(page.text, stamp.end if stamp else 0)
        labels = _line_labels(page, [line.start for line in lines])
        rows = page_features(lines, page.lang)
        body_x += rows
        body_y += [int(label == "B") for label in labels]
        first = next((i for i, label in enumerate(labels) if label == "B"), len(rows))
        following = [i + 1 < len(rows) and is_meta(rows[i + 1]) for i in range(first)]
        for i, extra in enumerate(title_extras(following)):
            title_x.append(rows[i] + extra)
            title_y.append(int(labels[i] == "H"))
    return body_x, body_y, title_x, title_y


def _line_labels(page: Page, starts: list[int]) -> list[str]:
    """The label of the page line each split line starts in (a line split in two keeps its label)."""
    offsets, pos = [], 0
    for raw in page.text.split("\n"):
        offsets.append((pos, raw))
        pos += len(raw) + 1
    ends = [start for start, raw in offsets if raw.strip()]
    return [page.labels[bisect.bisect_right(ends, s) - 1] for s in starts]


def fit(rows: list[list[float]], targets: list[int]) -> tuple[float, list[float]]:
    """Bias and weights of an L2-regularised logistic regression, by Newton's method: ``STEPS``
    iterations from zero weights (the bias is not regularised; features that never fire get 0)."""
    n, width = len(rows), len(rows[0]) + 1
    columns = [[1.0] * n] + [[row[j] for row in rows] for j in range(width - 1)]
    w = [0.0] * width
    for _ in range(STEPS):
        z = [sum(map(operator.mul, r, w[1:])) + w[0] for r in rows]
        p = [_sigmoid(v) for v in z]
        err = [pi - y for pi, y in zip(p, targets, strict=True)]
        weight = [pi * (1 - pi) for pi in p]
        grad = [
            sum(map(operator.mul, c, err)) / n + (L2 * wj if j else 0.0)
            for j, (c, wj) in enumerate(zip(columns, w, strict=True))
        ]
        weighted = [list(map(operator.mul, c, weight)) for c in columns]
        hessian = [
            [
                sum(map(operator.mul, weighted[j], columns[k])) / n + (L2 if j == k and j else 0.0)
                for k in range(width)
            ]
            for j in range(width)
        ]
        step = _solve(hessian, grad)
        w = [wj - sj for wj, sj in zip(w, step, strict=True)]
    return w[0], w[1:]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix · x = vector (Gaussian elimination with partial pivoting; a column without a pivot,
    a feature that never fires, gets 0)."""
    size = len(vector)
    rows = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        if abs(rows[col][col]) < 1e-12:
            continue
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            if factor:
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    x = [0.0] * size
    for col in reversed(range(size)):
        if abs(rows[col][col]) >= 1e-12:
            x[col] = (rows[col][size] - sum(rows[col][k] * x[k] for k in range(col + 1, size))) / rows[col][
                col
            ]
    return x


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def train(path: Path = PAGES) -> dict[str, object]:
    """The model file's content, trained on the pages of ``path``."""
    pages = read_pages(path)
    body_x, body_y, title_x, title_y = examples(pages)
    hidden = [NAMES.index(name) for name in BODY_HIDDEN]
    body_b, body_w = fit([[0.0 if j in hidden else x for j, x in enumerate(row)] for row in body_x], body_y)
    title_b, title_w = fit(title_x, title_y)
    return {
        "about": "Line model of briefgen.ingest (see briefgen/ingest/training.py); do not edit by hand.",
        "trained_on": {"pages": len(pages), "lines": len(body_x), "title_candidates": len(title_x)},
        "features": list(NAMES),
        "title_features": [*NAMES, *TITLE_EXTRA],
        "body": {"bias": round(body_b, 6), "weights": [round(x, 6) for x in body_w]},
        "title": {"bias": round(title_b, 6), "weights": [round(x, 6) for x in title_w]},
    }


def write(model: dict[str, object], path: Path = MODEL) -> None:
    path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
