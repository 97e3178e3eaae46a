print("before")
raise SystemExit("goodbye message")
