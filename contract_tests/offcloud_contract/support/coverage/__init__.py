"""Which operations each suite reached (reach) and the coverage matrix built from it (matrix)."""
