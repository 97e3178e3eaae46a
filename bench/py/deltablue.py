"""A one-way constraint solver in the spirit of DeltaBlue: variables linked by
equality and scale constraints with strengths; adding an edit constraint
re-plans which constraints are satisfied and propagates values. Arg: chain length."""
import sys

REQUIRED, STRONG, MEDIUM, WEAK, WEAKEST = 0, 1, 2, 3, 4


class Variable:
    __slots__ = ("name", "value", "constraints", "determined_by", "walk_strength", "stay", "mark")

    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, v, strength):
        super().__init__(strength)
        self.output = v
        self.satisfied = False
        v.constraints.append(self)

    def inputs(self):
        return []

    def outputs(self):
        return [self.output]

    def choose(self, mark):
        self.satisfied = self.output.mark != mark and self.strength < self.output.walk_strength
        return self.satisfied

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    pass


class EditConstraint(UnaryConstraint):
    def is_input(self):
        return True


class BinaryConstraint(Constraint):
    def __init__(self, a, b, strength):
        super().__init__(strength)
        self.a, self.b = a, b
        self.forward = None
        a.constraints.append(self)
        b.constraints.append(self)

    def inputs(self):
        return [self.b if self.forward is False else self.a]

    def outputs(self):
        return [self.a if self.forward is False else self.b]

    @property
    def satisfied(self):
        return self.forward is not None

    def choose(self, mark):
        a, b = self.a, self.b
        if a.mark == mark:
            self.forward = True if b.mark != mark and self.strength < b.walk_strength else None
        elif b.mark == mark:
            self.forward = False if self.strength < a.walk_strength else None
        elif a.walk_strength > b.walk_strength:
            self.forward = False if self.strength < a.walk_strength else None
        else:
            self.forward = True if self.strength < b.walk_strength else None
        return self.forward is not None


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        if self.forward:
            self.b.value = self.a.value
        else:
            self.a.value = self.b.value


class ScaleConstraint(BinaryConstraint):
    def __init__(self, a, b, scale, offset, strength):
        super().__init__(a, b, strength)
        self.scale, self.offset = scale, offset

    def execute(self):
        if self.forward:
            self.b.value = self.a.value * self.scale + self.offset
        else:
            self.a.value = (self.b.value - self.offset) // self.scale


class Planner:
    def __init__(self):
        self.mark = 0
        self.constraints = []

    def add(self, c):
        self.constraints.append(c)

    def plan(self):
        """Greedy planning by strength, then propagate in dependency order."""
        self.mark += 1
        mark = self.mark
        for c in self.constraints:
            if isinstance(c, BinaryConstraint):
                c.forward = None
            else:
                c.satisfied = False
            for v in c.outputs() + c.inputs():
                v.mark = 0
                v.walk_strength = WEAKEST + 1
                v.determined_by = None
        order = []
        for c in sorted(self.constraints, key=lambda c: (c.strength, not c.is_input())):
            if c.choose(mark):
                out = c.outputs()[0]
                out.mark = mark
                out.walk_strength = c.strength
                out.determined_by = c
                order.append(c)
        return self.sort(order)

    @staticmethod
    def sort(order):
        done = set()
        result = []
        pending = list(order)
        while pending:
            rest = []
            for c in pending:
                if all(v.determined_by is None or v.determined_by in done for v in c.inputs()):
                    result.append(c)
                    done.add(c)
                else:
                    rest.append(c)
            if len(rest) == len(pending):
                result.extend(rest)
                break
            pending = rest
        return result


def chain_test(n):
    p = Planner()
    vs = [Variable("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        p.add(EqualityConstraint(vs[i], vs[i + 1], REQUIRED))
    p.add(StayConstraint(vs[n], STRONG))
    edit = EditConstraint(vs[0], MEDIUM)
    p.add(edit)
    plan = p.plan()
    total = 0
    for val in range(50):
        vs[0].value = val
        for c in plan:
            c.execute()
        total += vs[n].value
    return total


def projection_test(n):
    p = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    srcs, dsts = [], []
    for i in range(n):
        s = Variable("src%d" % i, i)
        d = Variable("dst%d" % i, i)
        srcs.append(s)
        dsts.append(d)
        p.add(StayConstraint(s, WEAK))
        p.add(ScaleConstraint(s, d, 10, 1000, REQUIRED))
    total = 0
    for k in range(n // 10 + 1):
        e = EditConstraint(dsts[k], STRONG)
        p.add(e)
        plan = p.plan()
        for v in (17, 1050, 2000):
            dsts[k].value = v
            for c in plan:
                c.execute()
            total += srcs[k].value + sum(d.value for d in dsts[:5])
        p.constraints.remove(e)
        dsts[k].constraints.remove(e)
    return total + scale.value + offset.value


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
total = 0
for _ in range(30):
    total += chain_test(n) + projection_test(n)
print("checksum", total)
