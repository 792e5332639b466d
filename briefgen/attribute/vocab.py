"""Who can be a source: pronouns, source nouns, titles, nationalities, honorifics, words never names."""

from __future__ import annotations

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "we": "p",
    "i": "s",
    "it": "n",
    "il": "m",
    "elle": "f",
    "ils": "p",
    "elles": "p",
    "nous": "p",
    "je": "s",
}
_UNNAMED = (
    "official officials source sources analyst analysts observer observers expert experts diplomat diplomats "
    "critic critics witness witnesses resident residents people insider insiders aide aides spokesman "
    "spokeswoman spokesperson commentators commentator economists economist activists activist "
    "responsables responsable analystes analyste observateurs observateur experts expert diplomates "
    "diplomate sources proches témoins habitants spécialistes porte-parole"
)
UNNAMED_NOUNS = set(_UNNAMED.split())
_DESCRIBED = (
    "minister ministers president presidents senator senators lawmaker lawmakers deputy deputies ambassador "
    "ambassadors governor mayor chancellor premier king queen prince leader leaders chief head director "
    "secretary envoy prosecutor prosecutors judge general commander police army military ministry ministries "
    "government governments authorities authority administration department agency office presidency "
    "cabinet parliament council committee commission court union party coalition bloc junta "
    "side sides nations nation countries country states state capitals capital family officers officer "
    "representatives representative negotiators negotiator delegation delegations team organisers "
    "organizers campaigners groups group researchers scientists investigators lawyers lawyer company "
    "spokespeople "
    "ministre ministres président présidente sénateurs sénateur députés député ambassadeur gouvernement "
    "autorités ministère parquet procureur présidence chef dirigeants dirigeant élus parties partie pays "
    "préfet préfecture syndicats syndicat entourage"
)
_DOCUMENTS = (  # documents and texts that state things ("the report said", "la note précise")
    "statement report survey study poll communiqué letter note document memo memorandum proclamation decree "
    "resolution ruling verdict judgment judgement filing complaint lawsuit indictment data figures analysis "
    "review audit assessment paper editorial release declaration text charter constitution guidelines "
    "transcript minutes record records cable message email notice article book film video footage website "
    "rapport lettre texte décret arrêt jugement décision étude enquête sondage analyse déclaration "
    "circulaire avis bilan documents courrier"
)
DOCUMENT_NOUNS = set(_DOCUMENTS.split())
SOURCE_NOUNS = UNNAMED_NOUNS | set(_DESCRIBED.split()) | {"organisation", "organization", "agence"}
SOURCE_NOUNS |= DOCUMENT_NOUNS | {w + "s" for w in DOCUMENT_NOUNS if not w.endswith("s")}
SOURCE_NOUNS |= {w + "s" for w in SOURCE_NOUNS if w.endswith(("ment", "ère", "ent"))}  # gouvernements

TITLE_HEADS = {
    *"minister president director secretary chief head spokesman spokeswoman spokesperson ambassador "
    "governor mayor senator deputy general commissioner chancellor premier king queen prince leader "
    "chairman chair "
    "chairwoman ceo founder adviser advisor envoy prosecutor judge commander officer analyst professor "
    "researcher economist expert journalist editor correspondent activist lawyer mp lawmaker representative "
    "coordinator executive diplomat counterpart minister-president emir sheikh pope cardinal bishop colonel "
    "captain "
    "ministre président présidente directeur directrice secrétaire chef porte-parole ambassadeur préfet "
    "procureur maire sénateur député roi reine patron".split(),
}
PORTFOLIOS = {
    *"interior foreign justice defence defense finance economy health education affairs home armed forces "
    "state prime vice deputy security national territorial surveillance police europe trade labour labor "
    "energy agriculture culture transport environment intelligence general former acting outgoing senior "
    "top junior then new intérieur étrangères affaires armées justice économie santé premier première "
    "ancien ancienne nouveau nouvelle sécurité défense européennes".split()
}
HONORIFICS = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "sir",
    "dame",
    "m.",
    "mme",
    "mlle",
    "me",
    "lord",
    "lady",
    "sheikh",
}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "mme", "mlle", "dame", "lady", "queen"}
NATIONALITY_ENDINGS = ("an", "ese", "ish", "ian", "i", "ch", "ais", "aise", "ien", "ienne", "ain", "aine")
_NATIONALITIES = (
    "french algerian moroccan tunisian libyan egyptian malian nigerien nigerian chadian senegalese american "
    "british english german italian spanish portuguese russian ukrainian chinese japanese indian israeli "
    "palestinian iranian iraqi syrian lebanese turkish saudi qatari emirati european african western "
    "eastern northern southern dutch belgian swiss polish greek canadian mexican brazilian "
    "français française algérien algérienne marocain marocaine tunisien tunisienne malien malienne "
    "américain américaine britannique allemand allemande européen européenne russe chinois espagnol"
)
NATIONALITIES = set(_NATIONALITIES.split())
COUNTRIES = set(
    "france algeria morocco tunisia libya egypt mali niger nigeria chad senegal spain italy germany britain "
    "russia ukraine china japan india israel iran iraq syria lebanon turkey qatar europe africa america "
    "paris algiers rabat washington moscow beijing london berlin brussels madrid rome kyiv tunis bamako "
    "niamey dakar ankara tehran united states kingdom emirates republic "
    " algérie maroc tunisie espagne allemagne italie russie chine".split()
)
ORG_WORDS = set(
    "ministry agency police front council commission union party government alliance office department "
    "bank fund court army forces assembly parliament senate house kremlin élysée elysee ministère nations "
    "organisation organization committee reuters afp ap bbc press news times post agence".split()
)
# Capitalised words that start sentences or name times, never a speaker.
NEVER_NAMES = set(
    "the a an this that these those it its there here such some what which who however meanwhile also but "
    "and so yet then now in on at for after before during since while when if as by with from to of "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday lundi mardi mercredi jeudi vendredi samedi "
    "dimanche le la les un une des ce cette ces il elle on according selon d'après d’après following despite "
    "under among asked prior addressing speaking l’ l'".split()
) | set(  # French prepositions that open sentences ("Pour Boukhari, …" names Boukhari)
    "pour dans avec sur chez auprès par devant lors pendant vers contre après avant entre depuis sans sous"
    " malgré durant".split()
)
LEAD_DROP = set(
    "and but so yet then now also meanwhile however moreover thus still et mais puis donc ainsi or".split()
)
TAIL_DROP = set(
    "has have had also would will could should may might must can did does do not never again then later "
    "previously earlier already just further once repeatedly still himself herself themselves itself is "
    "was were are been being ont avait avaient aussi également pour sa part encore déjà".split()
)
PREPOSITIONS = set(
    "of for from in on at with between among to across including under over within inside near like "
    "about against into onto toward towards via after before during by familiar close de du des d' d’ en "
    "sur avec dans "
    "chez pour auprès par à au aux devant lors pendant vers contre".split()
)
