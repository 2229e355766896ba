package org.isthmus.atomistic.nnp;

/**
 * One compiled compact angular symmetry function (types 21, 22, 24, 25): its neighbour filter, its
 * radial compact function on [r_l, r_c] (Å) and its angular one on [θ_l, θ_r] (radians). These
 * need θ itself, hence one acos per pair; they are rare in practice and are evaluated one by one.
 * Immutable; built by {@link ElementPlan}.
 */
final class CompactAngularTerm {
    final int out;
    final boolean narrow;
    final boolean weighted;
    final int t1;
    final int t2;
    final CompactFunction radial;
    final double rl;
    final double rc;
    final double rc2;
    /** r_l² when r_l &gt; 0, else 0: the lower bound on r_jk² of the narrow types. */
    final double rl2;
    final double radialCenter;
    final double radialInvWidth;
    final CompactFunction angular;
    final double angleLeft;
    final double angleRight;
    final double angularCenter;
    final double angularInvWidth;

    CompactAngularTerm(int out, boolean narrow, boolean weighted, int t1, int t2, CompactFunction radial,
            CompactFunction angular) {
        this.out = out;
        this.narrow = narrow;
        this.weighted = weighted;
        this.t1 = t1;
        this.t2 = t2;
        this.radial = radial;
        this.rl = radial.left();
        this.rc = radial.right();
        this.rc2 = rc * rc;
        this.rl2 = rl > 0 ? rl * rl : 0.0;
        this.radialCenter = radial.center();
        this.radialInvWidth = 1.0 / radial.halfWidth();
        this.angular = angular;
        this.angleLeft = angular.left();
        this.angleRight = angular.right();
        this.angularCenter = angular.center();
        this.angularInvWidth = 1.0 / angular.halfWidth();
    }
}
