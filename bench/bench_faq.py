"""How much the FAQ matcher adds per message on a 1,000-entry FAQ, beyond encoding the message.

    .venv/bin/python bench/bench_faq.py [--entries 1000] [--messages 2000]

Entries are synthetic variations of the bundled knowledge (3 phrasings each); messages are the
labelled chat set repeated. Encoding and lemmatising the messages happens before the clock starts:
the figure is what ``matcher.match`` itself costs (scoring, question detection, segment lemmas).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from assistant.context import ChatContext
from assistant.evaluation.faq import read_queries
from assistant.faq import load_knowledge
from assistant.faq.loader import FaqEntry
from assistant.nlp import NlpPipeline
from assistant.nlp.encoders import load_encoder
from assistant.resources import build_matcher
from assistant.settings import PROJECT_ROOT, Settings

PLACES = ["на складе", "в штабе", "в Казани", "в Твери", "на выезде", "в лагере", "онлайн",
          "в школе", "в приюте", "на кухне", "в больнице", "на марафоне", "в парке", "в музее"]
TIMES = ["в субботу", "летом", "на праздники", "вечером", "в будни", "зимой", "в мае", "ночью"]


def synthetic_entries(count: int, seed: int = 7) -> list[FaqEntry]:
    """``count`` distinct entries derived from the bundled ones (place and time added)."""
    base = load_knowledge(PROJECT_ROOT / "knowledge").entries
    rng = random.Random(seed)
    out = []
    for i in range(count):
        source = base[i % len(base)]
        place, when = rng.choice(PLACES), rng.choice(TIMES)
        phrasings = [f"{p.rstrip('?')} {place} {when}?" for p in source.phrasings[:3]]
        out.append(FaqEntry(id=f"e{i}", question=phrasings[0], variants=phrasings[1:],
                            answer=source.answer, lang=source.lang))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=2000)
    args = parser.parse_args()
    pipeline = NlpPipeline(load_encoder("use"))
    started = time.perf_counter()
    matcher = build_matcher(Settings(db=None, watch=False), pipeline, synthetic_entries(args.entries))
    build_s = time.perf_counter() - started
    texts = [q.text for q in read_queries(PROJECT_ROOT / "tests" / "data" / "faq_chat.jsonl")]
    analyses = pipeline.analyse_batch(texts)
    context = ChatContext()
    for analysis in analyses:  # warm caches (fuzzy lemma look-ups, numpy)
        matcher.match(analysis, context)
    timings = []
    for i in range(args.messages):
        analysis = analyses[i % len(analyses)]
        start = time.perf_counter()
        matcher.match(analysis, context)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(f"entries {args.entries}, phrasings {matcher._index.vectors.shape[0]}, "
          f"build {build_s:.1f} s (encoding included)")
    print(f"match per message: mean {statistics.fmean(timings):.3f} ms, "
          f"p50 {timings[len(timings) // 2]:.3f} ms, p95 {timings[int(len(timings) * 0.95)]:.3f} ms, "
          f"max {timings[-1]:.3f} ms over {args.messages} messages")


if __name__ == "__main__":
    main()
