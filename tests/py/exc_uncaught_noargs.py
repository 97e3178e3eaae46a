class Boom(Exception):
    pass
def go():
    raise Boom
go()
