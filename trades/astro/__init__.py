"""Stage 2, orbital mechanics: JPL DE421 ephemerides, boinor Lambert solutions and Earth-orbit
transfers, launch windows and porkchop grids."""
