package org.isthmus.cases.casefile;

/**
 * A mode-I crack under an applied K-field (kind crack): a quasi-2D cylinder of crystal around the
 * crack tip, periodic along the front, its outer ring held at the anisotropic K-field of the
 * potential's elastic constants, relaxed at each load of {@link KSteps}; fully atomistic, or
 * coupled (atoms within the atomistic radius, a handshake ring, finite elements beyond), optionally
 * with the cleavage plane ahead of the atomistic region carried by cohesive elements of the law
 * derived from the same potential.
 */
@Doc("A mode-I crack under an applied anisotropic K-field, swept in K; fully atomistic or coupled to finite elements.")
public record CrackSection(
        @Key(doc = "The crystal: crystal.plane is the crack plane, crystal.direction the crack front (the crack "
                + "advances along plane × direction). fcc or diamond.", defaultValue = "{}") CrystalSpec crystal,
        @Key(doc = "atomistic: every atom of the cylinder is relaxed; coupled: atoms within atomistic_radius, a "
                + "blended handshake ring of handshake_width, plane-strain finite elements out to radius − 2 r_c.",
                defaultValue = "atomistic", values = {"atomistic", "coupled"}) String model,
        @Key(doc = "Radius R of the cylinder of crystal around the tip. Its outer ring, 2 r_c thick (r_c the "
                + "potential's cutoff), is held at the applied field; the coupled model's mesh ends at R − 2 r_c.",
                defaultValue = "30 Å", dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity radius,
        @Key(doc = "Lattice periods along the crack front (0: the fewest whose length exceeds the cutoff).",
                defaultValue = "0", min = 0) int frontPeriods,
        @Key(doc = "Radius of the atomistic region around the tip (model coupled).", defaultValue = "10 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity atomisticRadius,
        @Key(doc = "Width of the handshake ring where atoms and elements are blended (model coupled).",
                defaultValue = "4 Å", dimension = Dimension.LENGTH, min = 0, exclusiveMin = true)
        Quantity handshakeWidth,
        @Key(doc = "Element size where the mesh meets the atoms (model coupled); elements grow outwards.",
                defaultValue = "2 Å", dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity elementSize,
        @Key(doc = "The continuum of model coupled: linear (the crack-frame stiffness of the potential's relaxed-ion "
                + "constants, the linearised Cauchy–Born material) or cauchy_born (its third-order expansion).",
                defaultValue = "linear", values = {"linear", "cauchy_born"}) String continuum,
        @Key(doc = "With continuum cauchy_born: 0 takes the third-order expansion; a radius r in (0, 0.5] (a Green–"
                + "Lagrange strain, e.g. 0.02) takes the quartic strain polynomial fitted to the relaxed-ion Cauchy–Born "
                + "material within |E| ≤ r, which is the exact Cauchy–Born material beyond r (exact reference stress "
                + "and elastic constants; fit errors in the log; docs/benchmarks.md).",
                defaultValue = "0", min = 0) double polynomialRadius,
        @Key(doc = "Subtract the ghost forces of the reference state as dead loads (model coupled).",
                defaultValue = "true") boolean ghostCorrection,
        @Key(doc = "Carry the cleavage plane ahead of the atomistic region by cohesive elements (model coupled): the "
                + "mesh is cut along the crack plane from atomistic_radius to the mesh's outer radius, and the two faces "
                + "are joined by cohesive elements of the decohesion form of the law derived from the same potential "
                + "for the same plane (rigid separation of two half-crystals, the bulk elasticity of one stacking "
                + "period removed), blended with the atoms' cross-plane bonds across the handshake ring (weights α "
                + "and 1 − α). false: the continuum ahead of the atoms is intact (its elements share their nodes "
                + "across the plane), so a crack cannot leave the atomistic region.",
                defaultValue = "false") boolean cohesivePlane,
        @Key(doc = "Precondition the relaxation (model coupled): L-BFGS starts from the inverse of the finite-element "
                + "stiffness plus the atoms' bond Laplacian (Packwood et al. 2016), factored once per load, instead of a "
                + "multiple of the identity; the same minimum in several times fewer iterations.",
                defaultValue = "false") boolean preconditioned,
        @Key(doc = "Mesh of model coupled: 0 for the tensor-grid slit disc; n > 0 for the polar slit disc, whose rings "
                + "beyond the handshake grow in radius and coarsen in angle down to at least n intervals per ring.",
                defaultValue = "0", min = 0) int polarSectors,
        @Key(doc = "Sub-cells per axis of the composite quadrature rule in the elements the handshake ramp cuts "
                + "(model coupled); 1 takes the element's own 2×2 rule there.", defaultValue = "3", min = 1)
        int quadratureSubdivisions,
        @Key(doc = "Force tolerance of the relaxation at each load (largest force on an atom or node).",
                defaultValue = "1e-3 eV/Å", dimension = Dimension.FORCE, min = 0, exclusiveMin = true) Quantity fmax,
        @Key(doc = "The load steps.", defaultValue = "{}") KSteps k) {
}
