def worker():
    results = []
    while True:
        try:
            job = yield len(results)
        except KeyError as e:
            results.append(("error", e.args[0]))
            continue
        except GeneratorExit:
            print("closing with", results)
            raise
        if job is None:
            return results
        results.append(("ok", job * 2))
w = worker()
next(w)
print(w.send(1), w.throw(KeyError("bad")), w.send(5))
w.close()
w2 = worker(); next(w2); w2.send(3)
try:
    w2.send(None)
except StopIteration as e:
    print("returned", e.value)
