"""Does a cited sentence state the item's fact (``select/states.py``, ``select/clauses.py``)? Own sentences."""

from __future__ import annotations

import itertools
from typing import cast

from briefgen.models import Attribution, Sentence
from briefgen.select.claims import Claim
from briefgen.select.clauses import clauses
from briefgen.select.coverage import Caps, concepts, select_claims
from briefgen.select.features import features
from briefgen.select.rank import RankedClaim
from briefgen.select.relevance import Candidate
from briefgen.select.similarity import Similarity
from briefgen.select.states import why_not, without_frame
from briefgen.select.terms import stems

SOURCES = Attribution(
    "indirect", "said", "Diplomatic sources", None, "Diplomatic sources", None, unnamed=True
)


def cand(article: str, text: str, attribution: Attribution | None = None, index: int = 0) -> Candidate:
    st = tuple(stems(text, "en"))
    return Candidate(
        article, 0, Sentence(article, index, 0, len(text), text), attribution, st, features(st, text),
        (), 1.0, 1.0, 1.0, (),
    )  # fmt: skip


def check(item: str, cite: str) -> str | None:
    return why_not(cand("a", item), cand("b", cite), {})


def test_a_restatement_in_other_words_order_states_the_fact() -> None:
    item = "The harbour authority reopened the northern ferry terminal after a month of repairs."
    cite = "After a month of repairs, the northern ferry terminal was reopened by the harbour authority."
    assert check(item, cite) is None


def test_a_shared_when_clause_is_not_the_same_fact() -> None:
    item = "The ferry strike began in May, when the harbour authority cut the night shifts."
    cite = "Fuel prices on the island doubled in May, when the harbour authority cut the night shifts."
    assert check(item, cite) == "another fact on related words"


def test_one_conjunct_of_a_compound_item_states_only_part_of_it() -> None:
    item = "The mayor signed the ferry contract, and the night crossings had been cancelled since spring."
    cite = "Night crossings had been cancelled since spring, a spokesman for the operator said."
    assert check(item, cite) == "states only part of the item"


def test_a_negated_restatement_does_not_back_the_plain_one() -> None:
    item = "The harbour authority reopened the northern ferry terminal."
    cite = "The harbour authority has not reopened the northern ferry terminal."
    assert check(item, cite) == "negation"


def test_the_speaker_frame_is_not_part_of_the_fact() -> None:
    text = "Diplomatic sources said the northern ferry terminal would reopen."
    assert "Diplomatic sources" not in without_frame(text, SOURCES)
    assert "terminal" in without_frame(text, SOURCES)


def test_clauses_split_side_and_coordinated_clauses() -> None:
    c = clauses(
        "The ferry strike began in May, when the authority cut shifts, and the unions walked out.", "en"
    )
    assert len(c.core) == 2  # the strike began; the unions walked out
    assert any("cut" in side for side in c.side)  # the "when…" clause is background


def test_a_claim_its_only_source_restates_beats_one_sharing_words_with_another_story() -> None:
    """A story one outlet alone covers: the fact its lead, body and close repeat is picked first, not
    the sentence whose words happen to overlap another outlet's story."""
    lead = "The port authority signed a ferry plan with the island council on Monday."
    plan = [
        cand("m", lead),
        cand("m", lead.replace("Monday", "3 June")),
        cand("m", "The ferry plan was signed."),
    ]
    other = cand("m", "Night shifts at the harbour were cut again this winter by the new managers.")
    claims = [Claim(tuple(plan), tuple(c.features for c in plan)), Claim((other,), (other.features,))]
    ranked = [
        RankedClaim(c, c.members[:1], 1, 1.0, 0.0, 1.0, 1.0, c.members[0].sentence.text) for c in claims
    ]
    sim = Similarity.fit([c.features for c in [*plan, other]])
    shared = {min(concepts(other)): 1.5}  # a pair another story states too
    chosen, _ = select_claims(ranked, sim, Caps(1, 0), shared)
    assert chosen[0].representative.sentence.text == lead


def test_a_line_printing_a_sentence_a_picked_line_prints_is_not_picked() -> None:
    """A line may hold two sentences (the one before gives the referent): the memo never prints one
    sentence twice, even when the two claims are otherwise unlike."""
    before = cand("m", "The ferry operator cut its night crossings to the island in March.")
    after = cand("m", "It blamed the fuel prices and the harbour strike for the winter losses.", index=1)
    lines = [(after, f"{before.sentence.text} {after.sentence.text}"), (before, before.sentence.text)]
    ranked = [RankedClaim(Claim((c,), (c.features,)), (c,), 1, 1.0, 0.0, 1.0, 1.0, t) for c, t in lines]
    sim = Similarity.fit([before.features, after.features])
    chosen, why = select_claims(ranked, sim, Caps(2, 0), {})
    assert len(chosen) == 1 and "shares a sentence" in next(iter(why.values()))


def test_a_weighted_sum_does_not_depend_on_the_order_of_a_set() -> None:
    """A set's order follows the process's string hashing, so a plain float sum over it could make two
    runs on one corpus group claims differently: 0.1 + 0.2 + 0.3 is 0.6000000000000001 in two orders."""
    sim = Similarity({"a": 0.1, "b": 0.2, "c": 0.3})
    orders = itertools.permutations("abc")
    assert {sim.mass(cast(frozenset[str], order)) for order in orders} == {0.6}
