"""How long and how much memory ``nkgeo extract`` takes on hostile documents (issue 12, row 6).

Run ``python bench/extract_hostile.py`` (``--quick`` for smaller sizes). Each case runs in a process
of its own, so that its peak memory is its own: the process builds the gazetteer from the compiled
dataset (not timed), extracts the document (timed) and reports the seconds, its peak resident memory,
the sentences read and the candidates found. The cases, at the sizes the issue reports:

==================  =========================================================================
caps-32k            32 KB of one capitalised name repeated ("Hamhung Hamhung ...")
caps-mixed-32k      32 KB of capitalised words of many names and none
nospace-25k         25 KB of letters without a space
nospace-50k         50 KB of hyphen-joined capitalised syllables without a space ("Kim-Hyong-jik-...")
long-line-200k      200 KB on one line: an ordinary sentence repeated with commas, no full stop
repeat-500k         500 KB of one sentence repeated
masks               the extractor's own mask characters in a text ("⟪0⟫ ... ⟪7⟫")
==================  =========================================================================

Before issue 11 the first took 100 s and 3.8 GB, the no-space ones 65-150 s, the repeated sentence
more than 60 s, and the masks raised an IndexError.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SENTENCE = "Hamhung is the capital of South Hamgyong Province and lies on the Songchon River. "


def cases(scale: float = 1.0) -> dict[str, str]:
    """The hostile texts, by name (``scale`` shrinks them for --quick)."""

    def size(n: int) -> int:
        return max(1000, int(n * scale))

    names = "Sariwon Haeju Kanggye Manpo Tanchon Sinpo Alpha Beta Gamma Delta Epsilon Zeta".split()
    return {
        "caps-32k": ("Hamhung " * 5000)[: size(32_000)],
        "caps-mixed-32k": " ".join(names[i % len(names)] for i in range(5000))[: size(32_000)],
        "nospace-25k": ("abcdefghij" * 3000)[: size(25_000)],
        "nospace-50k": ("Kim-Hyong-jik-" * 4000)[: size(50_000)],
        "long-line-200k": ("the city of Hamhung lies on the Songchon River, " * 5000)[: size(200_000)],
        "repeat-500k": (SENTENCE * 7000)[: size(500_000)],
        "masks": "Hamhung ⟪0⟫ is the capital ⟪7⟫ of South Hamgyong ⟪12⟫ Province. ⟪99⟫ Sariwon lies on the ⟪1⟫ Taedong River.\n",
    }


def run_case(name: str, scale: float) -> dict:
    """Extract one case in this process and measure it."""
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.extract import Candidates, Extractor, Gazetteer
    from nkgeo.extract.document import decode_document

    text = cases(scale)[name]
    extractor = Extractor(Gazetteer.from_compiled(CompiledDataset.open()))
    document = decode_document(f"{name}.txt", f"{name}.txt", text.encode("utf-8"))
    started = time.perf_counter()
    extraction = extractor.extract(document)
    output = Candidates([extraction]).trig()
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"case": name, "bytes": len(document.data), "seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024),
            "sentences": extraction.sentences, "candidates": len(Candidates([extraction]).evidence(extraction)), "output_bytes": len(output)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # one case, in a child process
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scale = 0.1 if args.quick else 1.0
    if args.case:
        print(json.dumps(run_case(args.case, scale)))
        return 0
    rows = []
    with tempfile.TemporaryDirectory():
        for name in cases(scale):
            command = [sys.executable, str(Path(__file__).resolve()), "--case", name] + (["--quick"] if args.quick else [])
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                rows.append({"case": name, "error": (done.stderr.strip().splitlines() or ["?"])[-1]})
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'case':<16}{'bytes':>9}{'seconds':>9}{'peak MB':>9}{'sentences':>11}{'candidates':>12}{'output':>9}")
    for row in rows:
        if "error" in row:
            print(f"{row['case']:<16} FAILED: {row['error']}")
            continue
        print(f"{row['case']:<16}{row['bytes']:>9}{row['seconds']:>9.2f}{row['peak_mb']:>9}{row['sentences']:>11}{row['candidates']:>12}{row['output_bytes']:>9}")
    return 1 if any("error" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
