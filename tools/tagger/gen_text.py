#!/usr/bin/env python3
"""Raw English sentences for the silver tagger corpus, one per line.

Sources (read at run time, never copied into the repository):
  * WordNet 3.0 glosses and their quoted example sentences
    (Debian package `wordnet-base`, /usr/share/wordnet; WordNet licence).
  * Synthetic news-like sentences built from templates, filled with country,
    person and organisation names from the PETRARCH2 Phoenix actor
    dictionaries, agent nouns from Phoenix.agents.txt and verbs from
    CAMEO.2.0.txt (all MIT, ../shared/data/petrarch2), plus frequent WordNet
    nouns/adjectives/verbs.

Usage: gen_text.py SHARED_DIR WORDNET_DIR N_SYNTHETIC SEED > sentences.txt
"""
import os
import random
import re
import sys


def wordnet_text(wn):
    """Example sentences and glosses from data.{noun,verb,adj,adv}."""
    out = []
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wn, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" ") or "|" not in line:
                    continue
                gloss = line.split("|", 1)[1].strip()
                for ex in re.findall(r'"([^"]{12,})"', gloss):
                    ex = ex.strip()
                    if not ex[0].isupper():
                        ex = ex[0].upper() + ex[1:]
                    if ex[-1] not in ".?!":
                        ex += "."
                    out.append(ex)
                definition = gloss.split(";")[0].strip()
                if len(definition.split()) >= 4 and '"' not in definition:
                    out.append(definition)
    return out


def frequent_lemmas(wn, pos, min_tagged):
    """Single-word lemmas whose SemCor tagged-sense count is >= min_tagged."""
    words = []
    with open(os.path.join(wn, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            lemma = p[0]
            if "_" in lemma or not lemma.isalpha():
                continue
            n_ptr = int(p[3])
            tagged = int(p[4 + n_ptr + 1])
            if tagged >= min_tagged:
                words.append(lemma)
    return words


def title(name):
    parts = []
    for w in name.strip("_ ").split("_"):
        if not w:
            continue
        if len(w) <= 3 and w.endswith(".") or w in ("II", "III", "IV"):
            parts.append(w)
        elif parts and w in ("AND", "OF", "THE", "FOR", "IN", "ON", "DE", "AL"):
            parts.append(w.lower())
        else:
            parts.append("-".join(x[:1].upper() + x[1:].lower() for x in w.split("-")))
    return " ".join(parts)


def read_actors(path):
    """(countries, adjectives, people) from a Phoenix actors file."""
    countries, adjectives, people = [], [], []
    cur_country = None
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^([A-Z][A-Z_'.-]+?)_?\s+\[([A-Z]{3})\]\s*$", line.split("#")[0].rstrip() + " ")
        if m and not line.startswith("+"):
            cur_country = title(m.group(1))
            countries.append(cur_country)
            continue
        if line.startswith("+") and cur_country:
            v = line[1:].split("#")[0].strip().strip("_")
            if re.fullmatch(r"[A-Z]+(AN|ESE|ISH|I)", v) and len(v) > 4:
                adjectives.append(title(v))
            continue
        m = re.match(r"^([A-Z][A-Z_.'-]+_)\s*(#.*)?$", line)
        if m and not line.startswith("+"):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt.startswith("\t[") or nxt.startswith("+"):
                name = title(m.group(1))
                if 2 <= len(name.split()) <= 3:
                    people.append(name)
    return countries, adjectives, people


def read_orgs(path):
    orgs = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(("#", "+", "\t", " ")) or not line.strip():
                continue
            name = line.split("[")[0].split("#")[0].strip()
            if name and 1 <= name.count("_") <= 6 and re.fullmatch(r"[A-Z_'-]+", name):
                t = title(name)
                if len(t) > 3:
                    orgs.append(t)
    return orgs


def read_agents(path):
    nouns = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or "[" not in line or "!" in line:
                continue
            w = line.split("[")[0].strip().strip("_")
            if re.fullmatch(r"[A-Z]+(_[A-Z]+)?", w):
                nouns.append(w.replace("_", " ").lower())
    return nouns


VOWELS = "aeiou"


def inflect(base, forms):
    """(3sg, past, past participle, gerund) for a verb, preferring the
    irregular forms the CAMEO file lists in braces."""
    b = base.lower()
    s = b + "es" if b.endswith(("s", "sh", "ch", "x", "z", "o")) else (
        b[:-1] + "ies" if b.endswith("y") and b[-2:-1] not in VOWELS else b + "s")
    if b.endswith("e"):
        past, ing = b + "d", b[:-1] + "ing"
    elif b.endswith("y") and b[-2:-1] not in VOWELS:
        past, ing = b[:-1] + "ied", b + "ing"
    elif len(b) <= 4 and len(b) >= 3 and b[-1] not in VOWELS + "wxy" and b[-2] in VOWELS and b[-3] not in VOWELS:
        past, ing = b + b[-1] + "ed", b + b[-1] + "ing"
    else:
        past, ing = b + "ed", b + "ing"
    part = past
    pasts = []
    for f in forms:
        f = f.lower()
        if f.endswith("ing"):
            ing = f
        elif f.endswith("s") and not f.endswith("ss"):
            s = f
        else:
            pasts.append(f)
    if pasts:
        past = pasts[0]
        part = pasts[-1]
    return s, past, part, ing


def read_verbs(path):
    verbs = []
    in_block = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("---"):
                in_block = True
                continue
            if not line.strip() or line.startswith(("-", "#", "&", "+", "!")):
                if line.startswith("-"):
                    in_block = False
                continue
            if not in_block:
                continue
            body = line.split("#")[0]
            m = re.match(r"^([A-Z]+)\s*(\{([A-Z ]+)\})?\s*$", body.strip())
            if m:
                forms = m.group(3).split() if m.group(3) else []
                verbs.append((m.group(1).lower(),) + inflect(m.group(1), forms))
    return verbs


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan.", "Feb.", "Aug.",
          "Sept.", "Oct.", "Nov.", "Dec."]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defense Minister", "Interior Minister",
          "opposition leader", "Secretary of State", "Vice President", "General", "Senator",
          "Ambassador", "King", "Chancellor", "spokesman", "Finance Minister", "Deputy Foreign Minister",
          "army chief", "police chief", "Gen.", "Sen.", "Rep.", "Gov."]
HONORIFICS = ["Mr.", "Mrs.", "Ms.", "Dr."]
SAY = ["said", "told reporters", "told AFP", "added", "announced", "warned", "insisted", "stressed",
       "claimed", "noted", "argued", "confirmed", "denied", "reported", "stated"]
PREPS = ["in", "near", "at", "outside", "across", "inside", "throughout", "around", "along"]
ABOUT = ["over", "about", "on", "regarding", "amid", "despite", "after", "before", "during", "following"]
MODALS = ["will", "would", "could", "may", "might", "should", "must", "can"]
ADVS = ["also", "later", "again", "still", "already", "repeatedly", "recently", "strongly", "quickly",
        "officially", "reportedly", "publicly", "jointly", "formally", "sharply", "never"]
QUANT = ["two", "three", "five", "dozens of", "hundreds of", "thousands of", "several", "many", "at least 12",
         "more than 200", "some", "about 1,500", "nearly 40", "10", "23", "3.5 million", "$ 2 billion in"]


class Gen:
    def __init__(self, shared, wn, rng):
        self.r = rng
        pet = os.path.join(shared, "data", "petrarch2")
        c, a, p = read_actors(os.path.join(pet, "Phoenix.Countries.actors.txt"))
        self.countries = [x for x in c if 2 < len(x) < 30]
        self.adjs_nat = a or ["Kenyan"]
        self.people = p
        self.orgs = read_orgs(os.path.join(pet, "Phoenix.International.actors.txt")) + \
            read_orgs(os.path.join(pet, "Phoenix.MilNonState.actors.txt"))
        self.agents = read_agents(os.path.join(pet, "Phoenix.agents.txt"))
        self.verbs = read_verbs(os.path.join(pet, "CAMEO.2.0.txt"))
        self.nouns = frequent_lemmas(wn, "noun", 3)
        self.adjs = frequent_lemmas(wn, "adj", 3)
        self.wverbs = frequent_lemmas(wn, "verb", 5)
        self.advs = [w for w in frequent_lemmas(wn, "adv", 3) if w.endswith("ly")]
        print(f"countries {len(self.countries)} people {len(self.people)} orgs {len(self.orgs)} "
              f"agents {len(self.agents)} verbs {len(self.verbs)} nouns {len(self.nouns)} adjs {len(self.adjs)}",
              file=sys.stderr)

    def c(self, xs):
        return self.r.choice(xs)

    def plural(self, n):
        if n.endswith("s") and not n.endswith(("ss", "us", "is")):
            return n
        if n.endswith(("s", "sh", "ch", "x")):
            return n + "es"
        if n.endswith("y") and n[-2:-1] not in VOWELS:
            return n[:-1] + "ies"
        if n.endswith("man"):
            return n[:-3] + "men"
        return n + "s"

    def time(self):
        k = self.r.randrange(8)
        if k == 0:
            return "on " + self.c(DAYS)
        if k == 1:
            return f"on {self.c(MONTHS)} {self.r.randint(1, 31)}"
        if k == 2:
            return self.c(["last week", "last month", "this week", "earlier this year", "yesterday", "today",
                           "late on " + self.c(DAYS), "last year", "in recent days", "overnight"])
        if k == 3:
            return f"in {self.c(MONTHS[:12])} {self.r.randint(1990, 2024)}"
        if k == 4:
            return f"{self.r.randint(2, 30)} years ago"
        return self.c(DAYS)

    def person(self):
        k = self.r.randrange(7)
        name = self.c(self.people) if self.people else "John Smith"
        last = name.split()[-1]
        if k == 0:
            return f"{self.c(self.adjs_nat)} {self.c(TITLES)} {name}"
        if k == 1:
            return f"{self.c(TITLES)} {name}"
        if k == 2:
            return f"{self.c(HONORIFICS)} {last}"
        if k == 3:
            return f"{name}, the {self.c(self.adjs_nat)} {self.c(TITLES).lower()},"
        if k == 4:
            return f"{self.c(self.countries)}'s {self.c(TITLES)} {name}"
        return name

    def group(self):
        k = self.r.randrange(12)
        if k == 0:
            return "the " + self.c(self.orgs) if self.orgs else "the United Nations"
        if k == 1:
            return f"the {self.c(self.countries)} government"
        if k == 2:
            return f"{self.c(self.adjs_nat)} {self.plural(self.c(self.agents))}"
        if k == 3:
            return f"{self.c(QUANT)} {self.plural(self.c(self.agents))}"
        if k == 4:
            return f"the {self.c(self.adjs)} {self.c(self.agents)}"
        if k == 5:
            return f"{self.c(self.countries)}'s {self.c(['army', 'parliament', 'foreign ministry', 'opposition', 'navy', 'government', 'central bank', 'police'])}"
        if k == 6:
            return self.c(self.countries)
        if k == 7:
            return self.c(["police", "rebels", "protesters", "officials", "troops", "militants", "the army",
                           "security forces", "the opposition", "lawmakers", "diplomats", "witnesses"])
        if k == 8:
            return f"the {self.c(self.countries)}-{self.c(self.countries)} {self.c(['talks', 'summit', 'border', 'deal', 'alliance'])}"
        return self.c(self.orgs) if self.orgs else "NATO"

    def actor(self):
        return self.person() if self.r.random() < 0.45 else self.group()

    def thing(self):
        k = self.r.randrange(9)
        n = self.c(self.nouns)
        if k == 0:
            return f"the {n}"
        if k == 1:
            return f"a {self.c(self.adjs)} {n}"
        if k == 2:
            return f"{self.c(QUANT)} {self.plural(n)}"
        if k == 3:
            return f"the {self.c(self.adjs)} {self.plural(n)}"
        if k == 4:
            return f"{self.c(['its', 'their', 'his', 'her', 'our'])} {n}"
        if k == 5:
            return f"the {n} of {self.c(self.countries)}"
        if k == 6:
            return f"{self.c(['long-standing', 'so-called', 'U.S.-backed', 'anti-government', 'well-known', 'two-day', 'pro-Western', 'high-level', 'cross-border', 'non-binding'])} {self.plural(n)}"
        if k == 7:
            return f"{self.c(['this', 'that', 'each', 'every', 'another', 'no'])} {n}"
        return self.plural(n)

    def obj(self):
        return self.actor() if self.r.random() < 0.5 else self.thing()

    def place(self):
        return f"{self.c(PREPS)} {self.c(self.countries)}" if self.r.random() < 0.7 else f"{self.c(PREPS)} the {self.c(self.nouns)}"

    def vp(self, subj_plural=False):
        """A finite verb phrase with varied tense, voice, modality, negation."""
        base, s3, past, part, ing = self.c(self.verbs) if self.r.random() < 0.7 else self.wverb()
        o = self.obj()
        k = self.r.randrange(14)
        if k <= 3:
            v = f"{past} {o}"
        elif k == 4:
            v = f"{'have' if subj_plural else 'has'} {self.c(['', 'already ', 'not ', 'repeatedly '])}{part} {o}"
        elif k == 5:
            v = f"{self.c(MODALS)} {self.c(['', 'not ', 'also '])}{base} {o}"
        elif k == 6:
            v = f"{'were' if subj_plural else 'was'} {part} by {self.actor()}"
        elif k == 7:
            v = f"{'are' if subj_plural else 'is'} {ing} {o}"
        elif k == 8:
            v = f"{self.c(['did not', 'didn’t', 'did n’t', 'does not', 'doesn’t', 'never'])} {base if self.r.random() < 0.8 else past} {o}".replace("n’t", "n't").replace("never " + base, "never " + past)
        elif k == 9:
            v = f"{base if subj_plural else s3} {o}"
        elif k == 10:
            v = f"{self.c(['plans', 'wants', 'agreed', 'refused', 'threatened', 'vowed', 'tried', 'decided', 'is expected', 'hopes'])} to {base} {o}"
        elif k == 11:
            v = f"{'have' if subj_plural else 'has'} been {part} {self.place()}"
        elif k == 12:
            v = f"{self.c(ADVS)} {past} {o}"
        else:
            v = f"{past} {o} and {self.c(self.verbs)[2]} {self.obj()}"
        r = self.r.random()
        if r < 0.25:
            v += " " + self.place()
        elif r < 0.35:
            v += f" {self.c(ABOUT)} {self.thing()}"
        elif r < 0.45:
            v += f" after {self.c(self.verbs)[4]} {self.obj()}"
        elif r < 0.5:
            v += f" to {self.c(self.verbs)[0]} {self.thing()}"
        if self.r.random() < 0.35:
            v += " " + self.time()
        return v

    def wverb(self):
        b = self.c(self.wverbs)
        return (b,) + inflect(b.upper(), [])

    def clause(self):
        if self.r.random() < 0.5:
            a = self.person()
            return f"{a} {self.vp(False)}"
        g = self.group()
        plural = g.split()[-1].endswith("s") and not g.split()[-1][0].isupper()
        return f"{g} {self.vp(plural)}"

    def sentence(self):
        k = self.r.randrange(22)
        say = self.c(SAY)
        if k <= 3:
            s = self.clause()
        elif k == 4:
            s = f"{self.actor()} {say} {self.c(['that ', ''])}{self.clause()}"
        elif k == 5:
            s = f"{self.clause()}, {self.actor()} {say} {self.time()}"
        elif k == 6:
            s = f"\"{self.clause()},\" {self.person()} {self.c(['said', 'told reporters', 'added'])}"
        elif k == 7:
            s = f"{self.person()} said: \"{self.c(['We', 'They', 'I'])} {self.c(['will not', 'cannot', 'must', 'do not', 'have to', 'want to'])} {self.c(self.verbs)[0]} {self.obj()}.\""
        elif k == 8:
            g = self.group()
            s = f"{g}, {self.c(['which', 'who', 'that'])} {self.vp(False)}, {self.vp(False)}"
        elif k == 9:
            s = f"{self.time().capitalize() if self.r.random() < 0.5 else 'On ' + self.c(DAYS)}, {self.clause()}"
        elif k == 10:
            s = f"{self.clause()}, according to {self.c(['officials', 'state media', 'a statement', self.group(), self.person()])}"
        elif k == 11:
            s = f"{self.clause()} {self.c(['and', 'but', 'while', 'because', 'as', 'although', 'after', 'before', 'when', 'since', 'if'])} {self.clause()}"
        elif k == 12:
            s = f"There {self.c(['were', 'was', 'have been', 'is'])} {self.c(QUANT)} {self.plural(self.c(self.nouns))} {self.place()}"
        elif k == 13:
            s = f"{self.clause()} ({self.c(self.countries)})"
        elif k == 16:
            s = f"{self.c(QUANT)} {self.c(['people', 'civilians', 'soldiers', 'policemen', 'children'])} {self.c(['were killed', 'were wounded', 'died', 'have been arrested', 'were injured', 'went missing'])} {self.c(['when', 'after', 'as'])} {self.clause()}"
        elif k == 17:
            s = f"{self.actor()}, {self.actor()} and {self.actor()} {self.vp(True)}"
        elif k == 18:
            s = f"{self.person()}'s {self.c(['visit', 'trip', 'speech', 'call', 'decision', 'remarks'])} to {self.c(self.countries)} {self.c(['came', 'comes', 'followed', 'took place'])} {self.c(['as', 'after', 'a day after', 'weeks before'])} {self.clause()}"
        elif k == 19:
            s = f"{self.c(self.countries)}'s {self.c(['economy', 'inflation', 'exports', 'unemployment'])} {self.c(['rose', 'fell', 'grew', 'dropped', 'climbed'])} {self.r.randint(1, 30)}.{self.r.randint(0, 9)} percent {self.c(['in', 'during', 'over'])} {self.c(['the first quarter', 'the year', 'March', 'the past decade'])}, {self.c(['the first', 'the biggest', 'the largest', 'its first'])} {self.c(['rise', 'drop', 'increase'])} since {self.r.randint(1990, 2020)}"
        elif k == 20:
            s = f"{self.person()}, whose {self.c(self.nouns)} {self.vp(False)}, {self.c(['has', 'had'])} {self.c(['long', 'repeatedly', 'never'])} {self.c(self.verbs)[3]} {self.obj()}"
        elif k == 21:
            s = f"{self.c(['Former', 'Then', 'Acting', 'Newly elected', 'Outgoing'])} {self.c(TITLES)} {self.c(self.people) if self.people else 'John Smith'} {self.vp(False)}"
        elif k == 14:
            s = f"{self.c(['It is', 'It was'])} {self.c(['not clear', 'unclear', 'the first time', 'likely', 'expected'])} {self.c(['whether', 'that', 'when', 'how'])} {self.clause()}"
        else:
            s = f"{self.c(['Why', 'How', 'When', 'Where'])} did {self.actor()} {self.c(self.verbs)[0]} {self.obj()}"
            s = s[0].upper() + s[1:]
            return s + "?"
        s = re.sub(r"\s+", " ", s).strip()
        s = s.replace(",,", ",").replace(", ,", ",")
        s = s[0].upper() + s[1:]
        if s.endswith('"'):
            return s
        return s + self.c([".", ".", ".", ".", ".", ".", ".", ".", ";", "!"])


def main():
    shared, wn, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    g = Gen(shared, wn, rng)
    wt = wordnet_text(wn)
    print(f"wordnet lines {len(wt)}", file=sys.stderr)
    for line in wt:
        print(line)
    for _ in range(n):
        print(g.sentence())


if __name__ == "__main__":
    main()
