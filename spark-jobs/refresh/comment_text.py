"""Comment text of the refresh rows: the grammar and word lists of TPC-H clause 4.2.2.10.

The clause builds a text pool from sentences of a small grammar, each word drawn from a
weighted list; a "text string [min, max]" column value is a substring of the pool of random
length in [min, max] at a random offset. The lists below are that clause's data (word|weight).
The spec's pool is 300 MB; ours is POOL_CHARACTERS long: a few thousand comments per set need
no more, and the pool is rebuilt from the seed in well under a second.
"""
from __future__ import annotations

from refresh.random_draws import Draws, WeightedList

POOL_CHARACTERS = 1_000_000


def _weighted(spec: str) -> WeightedList:
    """'word|weight word|weight ...' with '_' for a space inside an entry."""
    pairs = [item.rsplit("|", 1) for item in spec.split()]
    return WeightedList([(word.replace("_", " "), int(weight)) for word, weight in pairs])


NOUNS = _weighted(
    "packages|40 requests|40 accounts|40 deposits|40 foxes|20 ideas|20 theodolites|20 pinto_beans|20 "
    "instructions|20 dependencies|10 excuses|10 platelets|10 asymptotes|10 courts|5 dolphins|5 "
    "multipliers|1 sauternes|1 warthogs|1 frets|1 dinos|1 attainments|1 somas|1 Tiresias|1 patterns|1 "
    "forges|1 braids|1 frays|1 warhorses|1 dugouts|1 notornis|1 epitaphs|1 pearls|1 tithes|1 waters|1 "
    "orbits|1 gifts|1 sheaves|1 depths|1 sentiments|1 decoys|1 realms|1 pains|1 grouches|1 escapades|1 "
    "hockey_players|1")
VERBS = _weighted(
    "sleep|20 wake|20 are|20 cajole|20 haggle|20 nag|10 use|10 boost|10 affix|5 detect|5 integrate|5 "
    "maintain|1 nod|1 was|1 lose|1 sublate|1 solve|1 thrash|1 promise|1 engage|1 hinder|1 print|1 "
    "x-ray|1 breach|1 eat|1 grow|1 impress|1 mold|1 poach|1 serve|1 run|1 dazzle|1 snooze|1 doze|1 "
    "unwind|1 kindle|1 play|1 hang|1 believe|1 doubt|1")
ADJECTIVES = _weighted(
    "special|20 pending|20 unusual|20 express|20 furious|1 sly|1 careful|1 blithe|1 quick|1 fluffy|1 "
    "slow|1 quiet|1 ruthless|1 thin|1 close|1 dogged|1 daring|1 brave|1 stealthy|1 permanent|1 "
    "enticing|1 idle|1 busy|1 regular|50 final|40 ironic|40 even|30 bold|20 silent|10")
ADVERBS = _weighted(
    "sometimes|1 always|1 never|1 furiously|50 slyly|50 carefully|50 blithely|40 quickly|30 fluffily|20 "
    "slowly|1 quietly|1 ruthlessly|1 thinly|1 closely|1 doggedly|1 daringly|1 bravely|1 stealthily|1 "
    "permanently|1 enticingly|1 idly|1 busily|1 regularly|1 finally|1 ironically|1 evenly|1 boldly|1 "
    "silently|1")
PREPOSITIONS = _weighted(
    "about|50 above|50 according_to|50 across|50 after|50 against|40 along|40 alongside_of|30 among|30 "
    "around|20 at|10 atop|1 before|1 behind|1 beneath|1 beside|1 besides|1 between|1 beyond|1 by|1 "
    "despite|1 during|1 except|1 for|1 from|1 in_place_of|1 inside|1 instead_of|1 into|1 near|1 of|1 "
    "on|1 outside|1 over|1 past|1 since|1 through|1 throughout|1 to|1 toward|1 under|1 until|1 up|1 "
    "upon|1 without|1 with|1 within|1")
AUXILIARIES = _weighted(
    "do|1 may|1 might|1 shall|1 will|1 would|1 can|1 could|1 should|1 ought_to|1 must|1 will_have_to|1 "
    "shall_have_to|1 could_have_to|1 should_have_to|1 must_have_to|1 need_to|1 try_to|1")
TERMINATORS = _weighted(".|50 ;|1 :|1 ?|1 !|1 --|1")

# Productions: N noun phrase, V verb phrase, P prepositional phrase, T terminator;
# in phrases J adjective, D adverb, X auxiliary, "," a comma after the previous word.
SENTENCES = _weighted("N_V_T|3 N_V_P_T|3 N_V_N_T|3 N_P_V_N_T|1 N_P_V_P_T|1")
NOUN_PHRASES = _weighted("N|10 J_N|20 J_,_J_N|10 D_J_N|50")
VERB_PHRASES = _weighted("V|30 X_V|1 V_D|40 X_V_D|1")
WORDS = {"N": NOUNS, "V": VERBS, "J": ADJECTIVES, "D": ADVERBS, "X": AUXILIARIES}


def _phrase(draws: Draws, production: str) -> list[str]:
    words: list[str] = []
    for symbol in production.split():
        if symbol == ",":
            words[-1] += ","
        else:
            words.append(draws.pick(WORDS[symbol]))
    return words


def sentence(draws: Draws) -> str:
    words: list[str] = []
    for symbol in draws.pick(SENTENCES).split():
        if symbol == "N":
            words += _phrase(draws, draws.pick(NOUN_PHRASES))
        elif symbol == "V":
            words += _phrase(draws, draws.pick(VERB_PHRASES))
        elif symbol == "P":  # "<preposition> the <noun phrase>"
            words += [draws.pick(PREPOSITIONS), "the", *_phrase(draws, draws.pick(NOUN_PHRASES))]
        else:  # the terminator ends the last word, no space before it
            words[-1] += draws.pick(TERMINATORS)
    return " ".join(words)


def text_pool(draws: Draws, characters: int = POOL_CHARACTERS) -> str:
    sentences: list[str] = []
    length = 0
    while length < characters:
        sentences.append(sentence(draws))
        length += len(sentences[-1]) + 1
    return " ".join(sentences)[:characters]


def text_string(draws: Draws, pool: str, shortest: int, longest: int) -> str:
    """A "text string [shortest, longest]" value (clause 4.2.2.10)."""
    length = draws.integer(shortest, longest)
    offset = draws.integer(0, len(pool) - length)
    return pool[offset:offset + length]
