print("simulating interrupt")
raise KeyboardInterrupt
