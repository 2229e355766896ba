package org.isthmus.atomistic.structure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A chemical element: symbol, atomic number Z and standard atomic mass (amu, g/mol).
 *
 * <p>Covers the whole periodic table, Z = 1…118. Masses are the IUPAC standard atomic weights
 * (abridged, conventional values for elements with an interval); for elements without stable
 * isotopes, the mass number of the longest-lived isotope. Instances are interned: compare with
 * {@code ==} or {@link #equals}. Symbols are case-sensitive ("Cu", not "CU"), as in n2p2 and ASE.
 */
public final class Element implements Comparable<Element> {

    // Source: IUPAC Commission on Isotopic Abundances and Atomic Weights, 2021 abridged values (amu).
    private static final String TABLE = """
            H 1.008 He 4.0026 Li 6.94 Be 9.0122 B 10.81 C 12.011 N 14.007 O 15.999 F 18.998 Ne 20.180
            Na 22.990 Mg 24.305 Al 26.982 Si 28.085 P 30.974 S 32.06 Cl 35.45 Ar 39.95 K 39.098 Ca 40.078
            Sc 44.956 Ti 47.867 V 50.942 Cr 51.996 Mn 54.938 Fe 55.845 Co 58.933 Ni 58.693 Cu 63.546 Zn 65.38
            Ga 69.723 Ge 72.630 As 74.922 Se 78.971 Br 79.904 Kr 83.798 Rb 85.468 Sr 87.62 Y 88.906 Zr 91.224
            Nb 92.906 Mo 95.95 Tc 97 Ru 101.07 Rh 102.91 Pd 106.42 Ag 107.87 Cd 112.41 In 114.82 Sn 118.71
            Sb 121.76 Te 127.60 I 126.90 Xe 131.29 Cs 132.91 Ba 137.33 La 138.91 Ce 140.12 Pr 140.91 Nd 144.24
            Pm 145 Sm 150.36 Eu 151.96 Gd 157.25 Tb 158.93 Dy 162.50 Ho 164.93 Er 167.26 Tm 168.93 Yb 173.05
            Lu 174.97 Hf 178.49 Ta 180.95 W 183.84 Re 186.21 Os 190.23 Ir 192.22 Pt 195.08 Au 196.97 Hg 200.59
            Tl 204.38 Pb 207.2 Bi 208.98 Po 209 At 210 Rn 222 Fr 223 Ra 226 Ac 227 Th 232.04
            Pa 231.04 U 238.03 Np 237 Pu 244 Am 243 Cm 247 Bk 247 Cf 251 Es 252 Fm 257
            Md 258 No 259 Lr 262 Rf 267 Db 268 Sg 269 Bh 270 Hs 269 Mt 278 Ds 281
            Rg 282 Cn 285 Nh 286 Fl 289 Mc 290 Lv 293 Ts 294 Og 294
            """;

    private static final Element[] BY_NUMBER;
    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();

    static {
        String[] tokens = TABLE.trim().split("\\s+");
        BY_NUMBER = new Element[tokens.length / 2 + 1];
        for (int k = 0; k < tokens.length; k += 2) {
            int z = k / 2 + 1;
            Element e = new Element(tokens[k], z, Double.parseDouble(tokens[k + 1]));
            BY_NUMBER[z] = e;
            BY_SYMBOL.put(e.symbol, e);
        }
    }

    private final String symbol;
    private final int number;
    private final double mass;

    private Element(String symbol, int number, double mass) {
        this.symbol = symbol;
        this.number = number;
        this.mass = mass;
    }

    /** The element with this symbol; throws {@link InvalidInputException} naming the symbol if unknown. */
    public static Element of(String symbol) {
        Element e = BY_SYMBOL.get(symbol);
        if (e == null) {
            throw new InvalidInputException("unknown chemical element '" + symbol
                    + "' (expected a symbol such as H, Si, Cu; symbols are case-sensitive)");
        }
        return e;
    }

    /** The element with this symbol, if there is one. */
    public static Optional<Element> find(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /** The element with atomic number {@code z} (1…118). */
    public static Element ofNumber(int z) {
        if (z < 1 || z >= BY_NUMBER.length) {
            throw new InvalidInputException("no element with atomic number " + z + " (expected 1…"
                    + (BY_NUMBER.length - 1) + ")");
        }
        return BY_NUMBER[z];
    }

    /** Number of known elements (118). */
    public static int count() {
        return BY_NUMBER.length - 1;
    }

    public String symbol() {
        return symbol;
    }

    /** Atomic number Z. */
    public int number() {
        return number;
    }

    /** Standard atomic mass in amu (g/mol). */
    public double mass() {
        return mass;
    }

    @Override
    public int compareTo(Element o) {
        return Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
