class AppError(Exception):
    code = 1
class DbError(AppError):
    code = 2
class ConnError(DbError):
    code = 3
class QueryError(DbError):
    def __init__(self, query):
        super().__init__(f"bad query: {query}")
        self.query = query
def fail(kind):
    raise {"app": AppError, "conn": ConnError, "query": QueryError("SELECT ?")}[kind] if kind != "query" else QueryError("SELECT ?")
for kind in ["app", "conn", "query"]:
    try:
        fail(kind)
    except DbError as e:
        print("db", type(e).__name__, e.code, e)
    except AppError as e:
        print("app", type(e).__name__, e.code)
print([c.__name__ for c in QueryError.__mro__])
try:
    raise ConnError("down") from QueryError("x")
except AppError as e:
    print(e, "caused by", repr(e.__cause__))
