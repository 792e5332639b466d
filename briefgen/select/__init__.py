"""Selection: from analysed articles to one topic's memo of cited, de-duplicated claims.

Steps (each a module): ``terms`` (word-form matching), ``relevance`` (topic scores with article
context and other-topic suppression), ``claims`` (grouping paraphrases across sources), ``rank``
(support, attribution, recency, MMR), ``timeline`` (event dates), ``memo`` (sections and sources),
``explain`` (why each sentence is in or out).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefgen.models import AnalysedArticle, Memo, MemoHeader
from briefgen.select.explain import ExplainRow, explain_topic
from briefgen.select.memo import build_memo
from briefgen.select.pipeline import Memory, ScanCache, run
from briefgen.settings import Topic

__all__ = ["ExplainRow", "ScanCache", "explain_topic", "select_memo"]


def select_memo(
    topic: Topic,
    topics: Sequence[Topic],
    corpus: Sequence[AnalysedArticle],
    memo_date: dt.date,
    header: MemoHeader,
    since: dt.date | None = None,
    cache: ScanCache | None = None,
    memory: Memory | None = None,
) -> Memo:
    """The memo for ``topic`` on ``memo_date`` from ``corpus`` (``topics``: every configured topic).

    Building several topics from one corpus, pass the same ``cache`` (an empty dict) to each call;
    pass the build store as ``memory`` to keep scans and claim groups from build to build."""
    selection = run(topic, topics, corpus, memo_date, since, cache, memory=memory)
    return build_memo(selection, memo_date, header, since)
