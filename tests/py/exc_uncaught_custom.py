class MyError(Exception):
    pass
print("start")
raise MyError("custom failure", 42)
