print("takt")
