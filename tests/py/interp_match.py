match {"x": 1, "y": [1, 2]}:
    case {"x": 1, "y": [_, z]}:
        print("matched", z)
