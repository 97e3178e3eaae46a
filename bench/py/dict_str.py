"""Dict and str workload: word counting, string building, key churn. Arg: rounds."""
import sys

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud").split()


def round_(seed):
    counts = {}
    text = []
    for i in range(2000):
        w = WORDS[(i * 7 + seed) % len(WORDS)]
        key = w + str(i % 50)
        counts[key] = counts.get(key, 0) + 1
        if i % 3 == 0:
            text.append(w.upper())
        else:
            text.append(w[::-1])
    s = " ".join(text)
    parts = s.split(" ")
    index = {}
    for p in parts:
        index.setdefault(p[:3], []).append(len(p))
    for k in list(counts):
        if counts[k] == 1:
            del counts[k]
    fmt = ",".join("%s=%d" % kv for kv in sorted(counts.items())[:20])
    return len(counts) + len(index) + len(fmt) + sum(len(v) for v in index.values()) + s.count("E")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
total = 0
for r in range(n):
    total += round_(r)
print("checksum", total)
