#!/usr/bin/env python3
"""Scores wirepipe's quotations and speakers against hand annotations (scripts/quote-eval/annotations.jsonl).

    score.py ANNOTATIONS ARTICLES.jsonl [--misses] [--split dev|heldout]

ARTICLES.jsonl holds one article JSON per line (`wirepipe extract` output); the page id is the file name of
`source.path` up to its first dot.

Matching. Quotation texts are compared as folded word lists (NFKC, curly quotes and dashes folded, lowercase,
punctuation dropped). A found quotation (kind direct or partial; scare quotes are not claims of a quotation)
matches an annotation of the same page when the annotation's words run contiguously inside the found words, or
the found words (at least three, or all of a shorter annotation) run contiguously inside the annotation's
words. Each annotation and each found quotation is used once, in text order, required annotations first.
An annotation marked `optional` (one- or two-word fragments, headings, chants, slogans' speakers) is neither
required nor wrong: a found quotation matching only it is left out of the counts.

Speakers are compared leniently: both names are folded (lowercase, possessive 's, Jr./Sr./II/III and
punctuation dropped); they agree when their last words are equal, or the last word of one is one of the words
of the other ("Big Machine" and "Big Machine Records", "the source" and "a Syrian refugee source").

Printed per split (dev, heldout, all):
  quote+speaker P/R/F1  a true positive needs the quotation and the speaker right
  quote-only P/R/F1     the quotation alone
  speaker accuracy      right speakers among the matched quotations
"""
import json
import re
import sys
import unicodedata

FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " "})
WORD = re.compile(r"[0-9a-zà-ÿ]+(?:'[0-9a-zà-ÿ]+)*")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def words(text):
    return WORD.findall(unicodedata.normalize("NFKC", text).translate(FOLD).lower())


def contains(haystack, needle):
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def quote_match(found, annotated):
    if contains(found, annotated):
        return True
    return len(found) >= min(3, len(annotated)) and contains(annotated, found)


def name_words(name):
    ws = [w[:-2] if w.endswith("'s") else w for w in words(name or "")]
    return [w for w in ws if w not in SUFFIXES]


def same_speaker(found, annotated):
    f, a = name_words(found), name_words(annotated)
    if not f or not a:
        return False
    return f[-1] == a[-1] or f[-1] in a or a[-1] in f


def page_id(article):
    path = article.get("source", {}).get("path", "")
    return path.rsplit("/", 1)[-1].split(".")[0]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show_misses = "--misses" in sys.argv
    only = None
    if "--split" in sys.argv:
        only = sys.argv[sys.argv.index("--split") + 1]
        args = [a for a in args if a != only]
    annotations = [json.loads(line) for line in open(args[0], encoding="utf-8") if line.strip()]
    articles = {}
    for line in open(args[1], encoding="utf-8"):
        article = json.loads(line)
        if "error" not in article:
            articles[page_id(article)] = article

    by_page = {}
    for a in annotations:
        by_page.setdefault(a["page"], []).append(a)
    splits = {}
    misses = []
    for page, items in by_page.items():
        split = items[0]["split"]
        if only and split != only:
            continue
        article = articles.get(page, {})
        found = [q for q in article.get("quotes", []) if q.get("kind") != "scare"]
        found_words = [words(q["text"]) for q in found]
        used_found = set()
        counts = splits.setdefault(split, {"required": 0, "found": 0, "ignored": 0, "quote": 0, "speaker": 0, "pages": 0})
        counts["pages"] += 1
        counts["found"] += len(found)
        # Required annotations claim found quotations first; optional ones then absorb what they match.
        for optional in (False, True):
            for a in items:
                if bool(a.get("optional")) != optional:
                    continue
                aw = words(a["quote"])
                match = next((i for i, fw in enumerate(found_words) if i not in used_found and quote_match(fw, aw)), None)
                if not optional:
                    counts["required"] += 1
                if match is None:
                    if not optional:
                        misses.append((split, page[:12], "MISSED", a["quote"], a["speaker"], None))
                    continue
                used_found.add(match)
                if optional:
                    counts["ignored"] += 1
                    continue
                counts["quote"] += 1
                if same_speaker(found[match].get("speaker"), a["speaker"]):
                    counts["speaker"] += 1
                else:
                    misses.append((split, page[:12], "SPEAKER", a["quote"], a["speaker"], found[match].get("speaker")))
        for i, q in enumerate(found):
            if i not in used_found:
                misses.append((split, page[:12], "EXTRA", q["text"][:70], None, q.get("speaker")))

    def prf(tp, found, required):
        p = tp / found if found else 0.0
        r = tp / required if required else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    total = {k: 0 for k in ("required", "found", "ignored", "quote", "speaker", "pages")}
    rows = []
    for split in sorted(splits):
        rows.append((split, splits[split]))
        for k in total:
            total[k] += splits[split][k]
    if len(rows) > 1:
        rows.append(("all", total))
    for name, c in rows:
        counted = c["found"] - c["ignored"]
        qs = prf(c["speaker"], counted, c["required"])
        qo = prf(c["quote"], counted, c["required"])
        accuracy = c["speaker"] / c["quote"] if c["quote"] else 0.0
        print(f"{name:8} pages {c['pages']:2}  annotated {c['required']:3}  found {counted:3}  "
              f"quote+speaker P {qs[0]:.3f} R {qs[1]:.3f} F1 {qs[2]:.3f}  "
              f"quote-only P {qo[0]:.3f} R {qo[1]:.3f} F1 {qo[2]:.3f}  speaker accuracy {accuracy:.3f}")
    if show_misses:
        for split, page, kind, text, want, got in sorted(misses):
            detail = f"want {want!r} got {got!r}" if kind == "SPEAKER" else (f"speaker {got!r}" if kind == "EXTRA" else f"speaker {want!r}")
            print(f"  {split:7} {page} {kind:7} {text[:60]!r}  {detail}")


if __name__ == "__main__":
    main()
