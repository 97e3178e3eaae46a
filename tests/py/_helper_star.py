__all__ = ["public_a", "public_b"]
public_a = "A"
def public_b():
    return "B"
_private = "P"
not_exported = "N"
