package org.isthmus.continuum.material;

/** St Venant–Kirchhoff with an isotropic and a rotated cubic stiffness: the contract. */
class StVenantKirchhoffTest extends MaterialContract {
    @Override
    protected Material material() {
        return new StVenantKirchhoff(LinearElastic.cubicStiffness(168.4, 121.4, 75.4,
                rotation(0.4, new double[] {1, 1, 0})));
    }

    @Override
    protected double modulus() {
        return 168.4;
    }

    @Override
    protected double strainAmplitude() {
        return 0.2;
    }
}
