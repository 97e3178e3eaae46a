"""A small operating-system simulation in the spirit of Richards: tasks of several
kinds exchange packets through a scheduler with priorities and wait/hold states.
Arg: iterations."""
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
K_DEV, K_WORK = 0, 1


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task:
    def __init__(self, sched, ident, prio, queue):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.queue = queue
        self.held = False
        self.waiting = queue is None
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
        self.waiting = False
        return p

    def run(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, count):
        super().__init__(sched, IDLE, 0, None)
        self.waiting = False
        self.control = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            self.held = True
            return None
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        super().__init__(sched, WORKER, 1000, queue)
        self.dest = HANDLER_A
        self.count = 0

    def run(self, pkt):
        if pkt is None:
            self.waiting = True
            return None
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(4):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, queue):
        super().__init__(sched, ident, 2000 + ident, queue)
        self.work_in = None
        self.dev_in = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.dev_in = pkt.append_to(self.dev_in)
        w = self.work_in
        if w is not None:
            count = w.datum
            if count < 4:
                d = self.dev_in
                if d is not None:
                    self.dev_in = d.link
                    d.datum = w.data[count]
                    w.datum = count + 1
                    return self.sched.queue_packet(d)
            else:
                self.work_in = w.link
                return self.sched.queue_packet(w)
        self.waiting = True
        return None


class DeviceTask(Task):
    def __init__(self, sched, ident):
        super().__init__(sched, ident, 4000 + ident, None)
        self.pending = None

    def run(self, pkt):
        if pkt is None:
            p = self.pending
            if p is None:
                self.waiting = True
                return None
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = pkt
        self.sched.hold_count += 1
        self.held = True
        return None


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.queue_count = 0
        self.hold_count = 0
        self.current = None

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        return t if t.prio > self.current.prio else self.current

    def queue_packet(self, pkt):
        t = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        if t.queue is None:
            t.queue = pkt
            t.waiting = False
            return t if t.prio > self.current.prio else self.current
        pkt.append_to(t.queue)
        return self.current

    def schedule(self):
        ordered = []
        t = self.tasks
        while t is not None:
            ordered.append(t)
            t = t.link
        ordered.sort(key=lambda t: -t.prio)
        self.current = ordered[0]
        while self.current is not None:
            cur = self.current
            if cur.runnable():
                pkt = cur.take_packet() if cur.queue is not None and not isinstance(cur, IdleTask) else None
                nxt = cur.run(pkt)
                self.current = nxt if nxt is not None else self._next_after(ordered, cur)
            else:
                self.current = self._next_after(ordered, cur)

    @staticmethod
    def _next_after(ordered, cur):
        i = ordered.index(cur) + 1
        while i < len(ordered):
            if ordered[i].runnable():
                return ordered[i]
            i += 1
        for t in ordered:
            if t.runnable():
                return t if not isinstance(t, IdleTask) or t.count > 0 else None
        return None


def run_once(count):
    s = Scheduler()
    IdleTask(s, count)
    wq = Packet(None, 0, K_WORK)
    wq = Packet(wq, 0, K_WORK)
    WorkerTask(s, wq)
    q = Packet(None, DEVICE_A, K_DEV)
    q = Packet(q, DEVICE_A, K_DEV)
    q = Packet(q, DEVICE_A, K_DEV)
    HandlerTask(s, HANDLER_A, q)
    q = Packet(None, DEVICE_B, K_DEV)
    q = Packet(q, DEVICE_B, K_DEV)
    q = Packet(q, DEVICE_B, K_DEV)
    HandlerTask(s, HANDLER_B, q)
    DeviceTask(s, DEVICE_A)
    DeviceTask(s, DEVICE_B)
    s.schedule()
    return s.queue_count, s.hold_count


n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
qc = hc = 0
for _ in range(n):
    a, b = run_once(10000)
    qc += a
    hc += b
print("checksum", qc, hc)
