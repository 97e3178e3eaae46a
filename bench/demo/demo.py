"""Weft demo: a warehouse simulation and its log analysis.

A deterministic pseudo-random generator drives a week of warehouse activity
(orders, restocks, transfers, audits) across several depots.  Every event is
written as a text log line; the analysis half parses the log back with string
methods, validates it, replays it into an inventory model and prints a report.
Exercises classes (inheritance, properties, __slots__, dunder methods),
generators, dicts, sets, string formatting and exceptions.
"""


class Rng:
    """Linear congruential generator: the same numbers on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return self.state >> 33

    def below(self, n):
        return self.next() % n

    def choice(self, seq):
        return seq[self.below(len(seq))]


PRODUCTS = {
    "bolt-m4": 0.05, "bolt-m6": 0.08, "nut-m4": 0.03, "nut-m6": 0.04, "washer": 0.01,
    "bracket": 1.25, "hinge": 2.40, "rail-1m": 7.90, "rail-2m": 14.50, "panel-s": 22.00,
    "panel-l": 39.00, "caster": 4.75, "handle": 3.10, "latch": 2.95, "gasket": 0.60,
}
DEPOTS = ["north", "south", "east", "west", "harbor"]
CUSTOMERS = ["acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark", "wayne"]


class WarehouseError(Exception):
    pass


class OutOfStock(WarehouseError):
    def __init__(self, depot, sku, wanted, have):
        super().__init__(f"{depot}: {sku} wanted {wanted}, have {have}")
        self.depot, self.sku, self.wanted, self.have = depot, sku, wanted, have


class Event:
    __slots__ = ("day", "minute", "kind", "depot", "fields")

    def __init__(self, day, minute, kind, depot, fields):
        self.day, self.minute, self.kind, self.depot, self.fields = day, minute, kind, depot, fields

    @property
    def stamp(self):
        return f"d{self.day} {self.minute // 60:02d}:{self.minute % 60:02d}"

    def to_line(self):
        body = " ".join(f"{k}={v}" for k, v in self.fields.items())
        return f"{self.stamp} {self.kind.upper():<8} {self.depot:<6} {body}"

    @classmethod
    def from_line(cls, line):
        day, clock, kind, depot, *rest = line.split()
        hh, mm = clock.split(":")
        fields = dict(item.split("=", 1) for item in rest)
        return cls(int(day[1:]), int(hh) * 60 + int(mm), kind.lower(), depot, fields)


def simulate(days, rng):
    """Yield events for each day in time order."""
    for day in range(1, days + 1):
        minute = 6 * 60
        while minute < 22 * 60:
            minute += 1 + rng.below(4)
            depot = rng.choice(DEPOTS)
            roll = rng.below(100)
            sku = rng.choice(list(PRODUCTS))
            if roll < 60:
                qty = 1 + rng.below(40)
                yield Event(day, minute, "order", depot,
                            {"sku": sku, "qty": qty, "cust": rng.choice(CUSTOMERS)})
            elif roll < 85:
                yield Event(day, minute, "restock", depot, {"sku": sku, "qty": 20 + rng.below(200)})
            elif roll < 97:
                other = rng.choice([d for d in DEPOTS if d != depot])
                yield Event(day, minute, "transfer", depot,
                            {"sku": sku, "qty": 1 + rng.below(30), "to": other})
            else:
                yield Event(day, minute, "audit", depot, {"sku": sku})


class Depot:
    def __init__(self, name):
        self.name = name
        self.stock = {}
        self.shipped = 0
        self.revenue = 0.0
        self.failures = 0

    def take(self, sku, qty):
        have = self.stock.get(sku, 0)
        if have < qty:
            self.failures += 1
            raise OutOfStock(self.name, sku, qty, have)
        self.stock[sku] = have - qty

    def put(self, sku, qty):
        self.stock[sku] = self.stock.get(sku, 0) + qty

    @property
    def value(self):
        return sum(PRODUCTS[s] * q for s, q in self.stock.items())

    def __repr__(self):
        return f"Depot({self.name}, {sum(self.stock.values())} units)"


class Ledger:
    def __init__(self):
        self.depots = {name: Depot(name) for name in DEPOTS}
        self.by_customer = {}
        self.by_day = {}
        self.shortages = {}
        self.audits = []

    def apply(self, ev):
        d = self.depots[ev.depot]
        f = ev.fields
        day = self.by_day.setdefault(ev.day, {"orders": 0, "units": 0, "revenue": 0.0})
        if ev.kind == "order":
            qty = int(f["qty"])
            try:
                d.take(f["sku"], qty)
            except OutOfStock as e:
                key = (e.depot, e.sku)
                self.shortages[key] = self.shortages.get(key, 0) + e.wanted - e.have
                return
            amount = qty * PRODUCTS[f["sku"]]
            d.shipped += qty
            d.revenue += amount
            day["orders"] += 1
            day["units"] += qty
            day["revenue"] += amount
            cust = self.by_customer.setdefault(f["cust"], {"orders": 0, "spent": 0.0, "skus": set()})
            cust["orders"] += 1
            cust["spent"] += amount
            cust["skus"].add(f["sku"])
        elif ev.kind == "restock":
            d.put(f["sku"], int(f["qty"]))
        elif ev.kind == "transfer":
            try:
                d.take(f["sku"], int(f["qty"]))
            except OutOfStock:
                return
            self.depots[f["to"]].put(f["sku"], int(f["qty"]))
        elif ev.kind == "audit":
            self.audits.append((ev.stamp, ev.depot, f["sku"], d.stock.get(f["sku"], 0)))
        else:
            raise WarehouseError("unknown event kind " + ev.kind)


def parse_log(lines):
    """Parse log lines, skipping malformed ones; yields events."""
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        try:
            yield Event.from_line(line)
        except ValueError:
            yield Event(0, 0, "bad", "north", {"line": str(n)})


def top(mapping, key, n):
    return sorted(mapping.items(), key=lambda kv: (-key(kv[1]), kv[0]))[:n]


def main():
    rng = Rng(2024)
    log = [ev.to_line() for ev in simulate(120, rng)]
    log.insert(100, "# operator note: scanner 3 offline")
    log.insert(2000, "garbage line without structure")
    ledger = Ledger()
    bad = 0
    kinds = {}
    for ev in parse_log(log):
        if ev.kind == "bad":
            bad += 1
            continue
        kinds[ev.kind] = kinds.get(ev.kind, 0) + 1
        ledger.apply(ev)

    print("=" * 60)
    print(f"Weft warehouse demo: {len(log)} log lines, {bad} malformed")
    print("events: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print("first line: " + log[0])
    print("-" * 60)
    print(f"{'depot':<8}{'shipped':>9}{'revenue':>12}{'stock value':>13}{'failed':>8}")
    for name in DEPOTS:
        d = ledger.depots[name]
        print(f"{name:<8}{d.shipped:>9}{d.revenue:>12.2f}{d.value:>13.2f}{d.failures:>8}")
    total = sum(d.revenue for d in ledger.depots.values())
    print(f"{'total':<8}{sum(d.shipped for d in ledger.depots.values()):>9}{total:>12.2f}")
    print("-" * 60)
    print("monthly revenue (30-day months):")
    weeks = {}
    for day, v in ledger.by_day.items():
        w = weeks.setdefault((day - 1) // 30 + 1, {"orders": 0, "revenue": 0.0})
        w["orders"] += v["orders"]
        w["revenue"] += v["revenue"]
    peak = max(v["revenue"] for v in weeks.values())
    for week, v in sorted(weeks.items()):
        bar = "#" * int(30 * v["revenue"] / peak)
        print(f"  month {week}: {v['orders']:6d} orders {v['revenue']:11.2f} {bar}")
    print("top customers:")
    for name, c in top(ledger.by_customer, lambda c: c["spent"], 4):
        print(f"  {name:<9} {c['orders']:4d} orders  {c['spent']:9.2f}  {len(c['skus'])} skus")
    print("worst shortages:")
    for (depot, sku), missing in top(ledger.shortages, lambda m: m, 4):
        print(f"  {depot:<7} {sku:<8} short by {missing}")
    words = {}
    for line in log:
        for w in line.replace("=", " ").split():
            if w.isalpha() and len(w) > 3:
                words[w] = words.get(w, 0) + 1
    common = [w for w, _ in top(words, lambda n: n, 5)]
    print("common words: " + ", ".join(common))
    last = ledger.audits[-3:]
    print("last audits: " + "; ".join(f"{s} {d} {k}={q}" for s, d, k, q in last))
    print("=" * 60)


if __name__ == "__main__":
    main()
