"""Word lists for attribution, English and French: reporting verbs (with inflections), speech nouns,
source nouns, titles, hedges and the fixed phrases in which "said" / "dit" report nothing."""

from __future__ import annotations

import re

# Reporting verbs that count whenever their subject is a source.
_EN_VERBS = (
    "say tell add announce confirm indicate describe stress warn note suggest frame urge explain state "
    "declare insist argue claim assert emphasize emphasise underscore underline highlight acknowledge "
    "admit deny reiterate caution comment remark characterize characterise vow pledge promise threaten "
    "contend concede allege disclose affirm reaffirm assure testify tweet report praise criticize "
    "criticise condemn denounce "
    "accuse blame welcome hail outline predict complain lament insist stress observe repeat"
).split()
# Verbs that count only with a reported complement right after them ("that", a colon, a quote, whether).
_EN_THAT_VERBS = (
    "signal maintain recall demand ask believe fear estimate conclude reply respond hint write".split()
)
# Framing verbs that count only with "as" later in the clause ("present the deal as a reset").
_EN_AS_VERBS = "present portray cast depict".split()
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote written", "writing"),
    "cast": ("casts", "cast", "casting"),
    "admit": ("admits", "admitted", "admitting"),
    "signal": ("signals", "signaled signalled", "signaling signalling"),
    "testify": ("testifies", "testified", "testifying"),
    "deny": ("denies", "denied", "denying"),
    "reply": ("replies", "replied", "replying"),
}


def _inflect(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        third, past, ing = _IRREGULAR[verb]
        return [verb, third, *past.split(), *ing.split()]
    third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if verb.endswith("e"):
        return [verb, third, verb + "d", verb[:-1] + "ing"]
    return [verb, third, verb + "ed", verb + "ing"]


def _alternation(words: list[str]) -> str:
    """One regex matching any of ``words``, built as a character trie (fast even for hundreds of words)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


EN_VERB_FORMS = {f: v for v in _EN_VERBS for f in _inflect(v)}
EN_THAT_FORMS = {f: v for v in _EN_THAT_VERBS for f in _inflect(v)}
EN_AS_FORMS = {f: v for v in _EN_AS_VERBS for f in _inflect(v)}
EN_PHRASAL = r"(?:point(?:s|ed|ing)?\s+out|call(?:s|ed|ing)?\s+(?:for|on|upon))"

FR_PARTICIPLES = [
    *"déclaré affirmé indiqué annoncé souligné estimé assuré précisé ajouté expliqué averti rappelé dit "
    "confirmé reconnu insisté dénoncé réaffirmé martelé jugé déploré salué plaidé prévenu démenti nié "
    "promis répété admis regretté confié écrit noté observé prédit accusé critiqué condamné exhorté".split(),
    "fait savoir",
    "mis en garde",
    "appelé à",
]
FR_PRESENT = (
    "déclare déclarent affirme affirment indique indiquent annonce annoncent souligne soulignent estime "
    "estiment assure assurent précise précisent ajoute ajoutent explique expliquent avertit avertissent "
    "rappelle rappellent dit disent confirme confirment reconnaît reconnaissent insiste insistent dénonce "
    "dénoncent martèle martèlent juge jugent déplore déplorent salue saluent plaide plaident"
).split()

EN_CUE = re.compile(
    r"(?<![\w’'-])(?:"
    + EN_PHRASAL
    + "|"
    + _alternation([*EN_VERB_FORMS, *EN_THAT_FORMS, *EN_AS_FORMS])
    + r")(?![\w’'-])"
)
FR_CUE = re.compile(
    r"(?<![\w’'-])(?:(?:a|ont|avait|avaient)(?:-t)?(?:-(?:il|elle|ils|elles|on))?\s+(?:(?:\w+ment|déjà|aussi|encore|"
    r"également|bien|pour sa part)\s+)?(?:"
    + _alternation(FR_PARTICIPLES)
    + r")|(?:"
    + _alternation(FR_PRESENT)
    + r")(?:-t-(?:il|elle|on)|-(?:ils|elles))?)(?![\w’'-])",
    re.IGNORECASE,
)
ACCORDING = re.compile(
    r"(?<![\w’'-])(?:[Aa]ccording to|[Ss]elon|[Dd]['’]après|[Aa]ux dires d(?:e|u|es)|[Ii]n the words of|"
    r"[Cc]iting|[Qq]uoting)(?![\w’'-])"
)
SPEECH_NOUNS = (
    "announcement statement statements remarks comments comment declaration warning warnings claim claims "
    "assertion insistence pledge promise call appeal assurance assurances expression acknowledgement "
    "acknowledgment admission denial testimony speech message praise criticism condemnation confirmation "
    "reaffirmation words insistence annonce déclaration déclarations propos avertissement mise"
).split()
NOMINAL_BY = re.compile(
    r"(?<![\w’'-])("
    + _alternation(SPEECH_NOUNS)
    + r")(?:\s+(?:of|on)\s+\w+)?\s+(by|from|de la part de|par)\s+"
)
NOMINAL_POSS = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w-]*)['’]s\s+((?:[a-z][\w-]*\s+){0,3}?)("
    + _alternation(SPEECH_NOUNS)
    + r")(?:\s+(of|that|for))?(?![\w’'-])"
)

HEDGE = re.compile(
    r"(?<![\w’'-])(?:reportedly|purportedly|allegedly|"
    r"(?:it|this)\s+(?:is|was|has been)\s+(?:said|reported|claimed|alleged|rumou?red|understood)|"
    r"(?:is|are|was|were)\s+(?:said|reported|rumou?red|believed)\s+to\b|"
    r"dit-on|paraît-il|semble-t-il|selon (?:la rumeur|certaines informations)|il se dit|on dit que)"
    r"(?![\w’'-])",
    re.IGNORECASE,
)
# "said"/"dit" that reports nothing.
NOT_REPORTING = re.compile(
    r"(?<![\w’'-])(?:so[- ]called|needless to say|easier said|that is to say|suffice (?:it )?to say|"
    r"(?:that|this|having|with that|that being|it goes without)\s+(?:been\s+)?said|"
    r"(?:the|a|an|such|aforesaid|this|these|said)\s+said|to say (?:the least|nothing)|"
    r"c['’]est-à-dire|autrement dit|soit dit|cela dit|ceci dit|ledit|ladite|lesdits|"
    r"(?:le|la|les|un|une|l['’])\s*dite?s?|à vrai dire|pour ainsi dire|tout est dit|"
    r"vouloir dire|veut dire)\b",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W\d_]+")
EN, FR, ACCORDING_TO, NOMINAL = 1, 2, 4, 8
_FAMILIES: dict[str, int] = {}
for _family, _words in (
    (EN, {w for form in [*EN_VERB_FORMS, *EN_THAT_FORMS, *EN_AS_FORMS] for w in form.split()}),
    (EN, {"point", "points", "pointed", "pointing", "call", "calls", "called", "calling"}),
    (FR, {w.lower() for form in [*FR_PARTICIPLES, *FR_PRESENT] for w in _WORD.findall(form)}),
    (ACCORDING_TO, {"according", "selon", "d'après", "d’après", "dires", "words", "citing", "quoting"}),
    (NOMINAL, set(SPEECH_NOUNS)),
):
    for _w in _words:
        for _variant in (_w, _w.capitalize()):
            _FAMILIES[_variant] = _FAMILIES.get(_variant, 0) | _family
TRIGGER = re.compile(r"(?<![\w’'-])(?:" + _alternation(list(_FAMILIES)) + r")(?![\w’'-])")
HEDGE_HINTS = (
    "reported",
    "said",
    "alleged",
    "purported",
    "rumo",
    "believed",
    "understood",
    "claimed",
    "dit",
    "paraît",
    "semble",
    "selon",
)


def families(match: re.Match[str]) -> int:
    """The cue families (EN, FR, ACCORDING_TO, NOMINAL bits) a TRIGGER match may start."""
    return _FAMILIES.get(match.group(0), 0)
