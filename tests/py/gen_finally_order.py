log = []
def g(tag):
    try:
        log.append(tag + " start")
        yield 1
        log.append(tag + " resumed")
        yield 2
    finally:
        log.append(tag + " finally")
it = g("a")
for x in it:
    if x == 1:
        break
log.append("after loop")
it.close()
log.append("after close")
it = g("b")
next(it)
it.close()
log.append("after close b")
def run():
    it = g("c")
    next(it)
    next(it)
    try:
        next(it)
    except StopIteration:
        log.append("c done")
run()
print(log)
