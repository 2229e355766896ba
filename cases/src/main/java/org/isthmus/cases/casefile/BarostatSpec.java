package org.isthmus.cases.casefile;

/** The barostat of an isothermal–isobaric (NPT) molecular-dynamics case. */
@Doc("The barostat of an NPT run: stochastic cell rescaling (Bernetti & Bussi, J. Chem. Phys. 153, 114107 (2020)).")
public record BarostatSpec(
        @Key(doc = "scr: stochastic cell rescaling (the atoms keep the Langevin thermostat).", defaultValue = "scr",
                values = {"scr"}) String kind,
        @Key(doc = "Relaxation time τ_p of the volume.", defaultValue = "1 ps", dimension = Dimension.TIME, min = 0,
                exclusiveMin = true) Quantity tau,
        @Key(doc = "An estimate of the isothermal compressibility β_T = 1/B of the material (e.g. \"0.01 1/GPa\" for a "
                + "metal, \"0.3 1/GPa\" for solid argon); with τ_p it sets how fast the volume relaxes, never the "
                + "distribution it samples.", dimension = Dimension.COMPRESSIBILITY, min = 0, exclusiveMin = true)
        Quantity compressibility,
        @Key(doc = "isotropic (one scale factor: P = tr σ/3 is held at md.pressure) or orthorhombic (each diagonal "
                + "stress held separately).", defaultValue = "isotropic", values = {"isotropic", "orthorhombic"})
        String coupling) {
}
