"""Figures as facts: different figures keep two look-alike sentences apart (sentences written here)."""

from __future__ import annotations

from briefgen.select.figures import figures, other_figures, same_figure


def test_figures_read_by_language_without_years_or_days() -> None:
    assert figures("On 3 March 2024, 1,250 migrants and 1.5 million euros.", "en") == {
        (1250.0, 3),
        (1.5e6, 2),
    }
    assert figures("Le 12 juin 2023, 1 250 migrants et 2,5 milliards d'euros.", "fr") == {
        (1250.0, 3),
        (2.5e9, 2),
    }
    assert figures("The meeting at 10:30 in Lisbon, G20 delegates.", "en") == frozenset()


def test_a_rounded_figure_is_the_same_figure_but_another_figure_is_not() -> None:
    assert same_figure((1300.0, 2), (1287.0, 4))  # "nearly 1,300" for 1,287
    assert same_figure((300.0, 1), (312.0, 3))  # "more than 300" for 312
    assert not same_figure((131e6, 3), (138e6, 3))
    assert not same_figure((8.0, 1), (11.0, 2))


def test_conflicting_figures_are_other_facts_and_a_shorter_restatement_is_not() -> None:
    longer = figures("Some 412 permits in 6 weeks were issued, 30 percent more.", "en")
    assert other_figures(longer, figures("Some 188 permits in 6 weeks were issued.", "en"))
    assert not other_figures(longer, figures("Some 412 permits in 6 weeks were issued.", "en"))
    assert not other_figures(longer, figures("Permits were issued faster.", "en"))


def test_same_figure_whichever_is_given_first() -> None:
    for a, b in [((1300.0, 2), (1287.0, 4)), ((131e6, 3), (138e6, 3))]:
        assert same_figure(a, b) == same_figure(b, a)
    assert same_figure((1287.0, 4), (1300.0, 2))


def test_a_sentence_without_digits_states_no_figure() -> None:
    assert figures("Thousands of people crossed, officials said.", "en") == frozenset()
    assert figures("Des milliers de personnes, selon la préfecture.", "fr") == frozenset()
