import _helper_main
print(__name__)
if __name__ == "__main__":
    print("running as main")
print(_helper_main.WHO)
