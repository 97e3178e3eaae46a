WHO = __name__
if __name__ == "__main__":
    print("should not print")
