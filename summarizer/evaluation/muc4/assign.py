"""Optimal one-to-one assignment (the Hungarian method), small and exact.

Used twice by the MUC-4 scorer: response templates to key templates, and, inside a matched pair
of templates, predicted fillers to key entities. Sizes are small (a few templates per text), so an
``O(n^3)`` pure-Python solver is fast enough and saves a SciPy dependency.
"""

from __future__ import annotations

from collections.abc import Sequence

_INF = float("inf")


def max_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs, each row and column used at most once, maximizing the summed weight.

    ``weights[i][j]`` is the gain of pairing row ``i`` with column ``j`` (rows and columns may
    differ in number). Pairs whose weight is not positive are left out of the result: pairing
    them gains nothing. Deterministic: the same matrix always gives the same pairs.
    """
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    # Square cost matrix (minimization); padding cells cost 0.
    cost = [[0.0] * n for _ in range(n)]
    for i, row in enumerate(weights):
        for j, value in enumerate(row):
            cost[i][j] = -float(value)
    # e-maxx formulation with potentials; 1-based indices, column 0 is a sentinel.
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match_of_col = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match_of_col[0] = i
        j0 = 0
        minv = [_INF] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match_of_col[j0]
            delta = _INF
            j1 = 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if current < minv[j]:
                    minv[j] = current
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[match_of_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_of_col[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match_of_col[j0] = match_of_col[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs: list[tuple[int, int]] = []
    for j in range(1, n + 1):
        i = match_of_col[j]
        if 1 <= i <= rows and j <= len(weights[i - 1]) and weights[i - 1][j - 1] > 0:
            pairs.append((i - 1, j - 1))
    return sorted(pairs)
