"""Topic terms match word forms through Snowball stems; the compiled stemmer (PyStemmer), which
snowballstemmer uses when it is installed, must stem exactly as the pure-Python one does."""

from __future__ import annotations

import snowballstemmer
from snowballstemmer import english_stemmer, french_stemmer

from briefgen.select.terms import stems

WORDS = {
    "english": "readmission readmissions readmitted deportations cooperating agreements sovereignty "
    "negotiated ministers statements security talks repatriated expelled",
    "french": "réadmission réadmissions expulsés coopération accords souveraineté négociations "
    "ministres déclarations sécurité rapatriés laissez-passer consulaires",
}


def test_the_stemmer_in_use_stems_as_the_pure_python_snowball_stemmer() -> None:
    for name, pure in (
        ("english", english_stemmer.EnglishStemmer()),
        ("french", french_stemmer.FrenchStemmer()),
    ):
        used = snowballstemmer.stemmer(name)
        words = WORDS[name].split()
        assert [used.stemWord(w) for w in words] == [pure.stemWord(w) for w in words], type(used)


def test_word_forms_share_a_stem() -> None:
    assert stems("Readmissions", "en") == stems("readmission", "en")
    assert stems("Expulsions", "fr") == stems("expulsion", "fr")  # folded, then stemmed
