package org.isthmus.cases.casefile;

/** An isotropic hyperelastic material of a finite-element case. */
@Doc("Isotropic material of every element.")
public record MaterialSpec(
        @Key(doc = "linear_elastic (small strain), st_venant_kirchhoff or neo_hookean (finite strain).",
                defaultValue = "linear_elastic", values = {"linear_elastic", "st_venant_kirchhoff", "neo_hookean"})
        String model,
        @Key(doc = "Young's modulus E.", dimension = Dimension.STRESS, min = 0, exclusiveMin = true)
        Quantity youngsModulus,
        @Key(doc = "Poisson's ratio ν, −1 < ν < 0.5.", min = -1, exclusiveMin = true) double poissonRatio) {
}
