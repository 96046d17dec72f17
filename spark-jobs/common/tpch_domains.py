"""The TPC-H value lists the substitution parameters are drawn from (spec data, clause 4.2).

Written as data from the TPC-H 3.0.1 specification (clauses 4.2.2.9, 4.2.2.13, 4.2.3), the same
lists dbgen's dists.dss holds; tests check them against the generated bronze tables.
"""
from __future__ import annotations

# Clause 4.2.2.13, "Types": P_TYPE is one word of each syllable list, in order.
TYPE_SYLLABLE_1 = ("STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO")
TYPE_SYLLABLE_2 = ("ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED")
TYPE_SYLLABLE_3 = ("TIN", "NICKEL", "BRASS", "STEEL", "COPPER")
TYPES = tuple(f"{a} {b} {c}" for a in TYPE_SYLLABLE_1 for b in TYPE_SYLLABLE_2 for c in TYPE_SYLLABLE_3)

# Clause 4.2.2.13, "Containers": P_CONTAINER is one word of each syllable list.
CONTAINER_SYLLABLE_1 = ("SM", "LG", "MED", "JUMBO", "WRAP")
CONTAINER_SYLLABLE_2 = ("CASE", "BOX", "BAG", "JAR", "PACK", "PKG", "CAN", "DRUM")
CONTAINERS = tuple(f"{a} {b}" for a in CONTAINER_SYLLABLE_1 for b in CONTAINER_SYLLABLE_2)

# Clause 4.2.2.13, "Segments" (C_MKTSEGMENT) and "Modes" (L_SHIPMODE).
SEGMENTS = ("AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY")
SHIP_MODES = ("REG AIR", "AIR", "RAIL", "TRUCK", "MAIL", "FOB", "SHIP")

# Clause 4.2.3: the words P_NAME is made of (five distinct ones per part).
COLORS = (
    "almond", "antique", "aquamarine", "azure", "beige", "bisque", "black", "blanched", "blue",
    "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral",
    "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab", "firebrick",
    "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew",
    "hot", "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen",
    "magenta", "maroon", "medium", "metallic", "midnight", "mint", "misty", "moccasin", "navajo",
    "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru", "pink", "plum", "powder",
    "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell",
    "sienna", "sky", "slate", "smoke", "snow", "spring", "steel", "tan", "thistle", "tomato",
    "turquoise", "violet", "wheat", "white", "yellow",
)

# Clause 4.2.3: R_NAME by R_REGIONKEY, and N_NAME with its N_REGIONKEY by N_NATIONKEY.
REGIONS = ("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST")
NATION_REGION_KEYS = (
    ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4),
    ("ETHIOPIA", 0), ("FRANCE", 3), ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2),
    ("IRAN", 4), ("IRAQ", 4), ("JAPAN", 2), ("JORDAN", 4), ("KENYA", 0),
    ("MOROCCO", 0), ("MOZAMBIQUE", 0), ("PERU", 1), ("CHINA", 2), ("ROMANIA", 3),
    ("SAUDI ARABIA", 4), ("VIETNAM", 2), ("RUSSIA", 3), ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
)
NATIONS = tuple(name for name, _ in NATION_REGION_KEYS)


def region_of(nation: str) -> str:
    return REGIONS[dict(NATION_REGION_KEYS)[nation]]


# Clause 4.2.2.9: a phone number's country code is its nation key + 10.
COUNTRY_CODES = tuple(str(key + 10) for key in range(len(NATIONS)))

# Clause 2.4.13.3: Q13's two words.
Q13_WORD1 = ("special", "pending", "unusual", "express")
Q13_WORD2 = ("packages", "requests", "accounts", "deposits")
