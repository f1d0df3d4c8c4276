#!/usr/bin/env python3
"""Generate a synthetic news-like corpus (JSON Lines) for dyad's benchmarks.

Every sentence is built from templates written for dyad: no news text is copied.
Usage: python3 bench/gen_corpus.py N_DOCS [SEED] > corpus.jsonl
Each document has 8-14 sentences, so 1,000 documents give ~11,000 sentences.
"""
import json, random, sys

n_docs = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)

COUNTRIES = [("China", "Chinese", "Beijing"), ("Kenya", "Kenyan", "Nairobi"), ("Russia", "Russian", "Moscow"),
             ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"), ("India", "Indian", "New Delhi"),
             ("Brazil", "Brazilian", "Brasilia"), ("Japan", "Japanese", "Tokyo"), ("France", "French", "Paris"),
             ("Nigeria", "Nigerian", "Abuja"), ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Germany", "German", "Berlin"),
             ("Iran", "Iranian", "Tehran"), ("Pakistan", "Pakistani", "Islamabad"), ("Mexico", "Mexican", "Mexico City")]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Trade Minister", "opposition leader"]
NAMES = ["Amina Odhiambo", "Lars Becker", "Mei Lin", "Rafael Souza", "Omar Haddad", "Ravi Menon", "Yuki Sato",
         "Claire Dubois", "Tunde Bakare", "Selam Tesfaye", "Ivan Petrov", "Ayse Kaya", "Farid Rahimi"]
GROUPS = ["police", "rebels", "protesters", "troops", "officials", "the army", "lawmakers", "the government"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["trade", "border security", "energy", "climate finance", "debt relief", "the railway project",
          "regional stability", "food security", "refugees", "fishing rights"]

def actor():
    c = rng.choice(COUNTRIES)
    r = rng.random()
    if r < 0.35:
        return c[0]
    if r < 0.55:
        return f"{c[1]} {rng.choice(TITLES)} {rng.choice(NAMES)}"
    if r < 0.7:
        return c[2]
    if r < 0.85:
        return f"{c[1]} {rng.choice(GROUPS).replace('the ', '')}"
    return f"the {c[1]} government"

TEMPLATES = [
    "{a} met {b} in {city} on {day} to discuss {topic}.",
    "{a} held talks with {b} on {topic}, officials said.",
    "{a} accused {b} of violating the ceasefire agreement.",
    "{a} praised {b} for its support on {topic}.",
    "\"We will not accept any interference,\" {a} said in {city} on {day}.",
    "{a} urged {b} to release the detained journalists.",
    "{a} said that {b} had agreed to resume negotiations on {topic}.",
    "The embassy of {a} in {city} was attacked by {g} late on {day}.",
    "{a} did not condemn the strikes, according to a statement issued by the ministry.",
    "{a}, who arrived in {city} on {day}, signed an agreement with {b} on {topic}.",
    "{a} and {b} pledged to deepen cooperation on {topic} over the next five years.",
    "{a} threatened to impose sanctions on {b} if the talks fail.",
    "{a} rejected a proposal by {b} to hold a referendum.",
    "{a} expressed concern about the fighting and called for restraint.",
    "According to officials in {city}, {g} clashed with {g2} near the border, leaving 12 people dead.",
    "{a} would consider sending troops to help {b}, a spokesman said.",
    "{a} welcomed the decision by {b} to reopen its consulate in {city}.",
    "In a phone call on {day}, {a} told {b} that the U.S. and the EU were ready to help.",
]

for i in range(n_docs):
    c = rng.choice(COUNTRIES)
    sents = []
    for _ in range(rng.randint(8, 14)):
        t = rng.choice(TEMPLATES)
        s = t.format(a=actor(), b=actor(), city=rng.choice(COUNTRIES)[2], day=rng.choice(DAYS),
                     topic=rng.choice(TOPICS), g=rng.choice(GROUPS), g2=rng.choice(GROUPS))
        sents.append(s[0].upper() + s[1:])
    day = 1 + i % 28
    doc = {"id": f"bench-{i}", "date": f"2025-{1 + i % 12:02d}-{day:02d}", "title": f"Report {i}",
           "text": f"{c[2].upper()} - " + " ".join(sents)}
    print(json.dumps(doc))
