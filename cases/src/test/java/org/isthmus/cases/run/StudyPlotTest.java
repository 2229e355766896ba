package org.isthmus.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How the study plot reads its x axis from parameter values. */
class StudyPlotTest {

    @Test
    void leadingNumbersOfParameterValues() {
        assertEquals(300.0, Study.leadingNumber("300 K"));
        assertEquals(0.5, Study.leadingNumber("0.5"));
        assertEquals(-1.5e-3, Study.leadingNumber("-1.5e-3 GPa"));
        assertEquals(2.0, Study.leadingNumber(" 2 fs"));
        assertNull(Study.leadingNumber("lbfgs"));
        assertNull(Study.leadingNumber(null));
    }
}
