package org.isthmus.continuum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The message reads file:line: problem, file: problem, or problem; at() places a problem once. */
class InvalidInputExceptionTest {

    @Test
    void messageNamesFileAndLine() {
        InvalidInputException e = new InvalidInputException("a.msh", 12, "found 'x'; expected a number");
        assertEquals("a.msh:12: found 'x'; expected a number", e.getMessage());
        assertEquals(Optional.of("a.msh"), e.source());
        assertEquals(12, e.line());
        assertEquals("found 'x'; expected a number", e.problem());
        assertEquals("a.msh: not planar", new InvalidInputException("a.msh", 0, "not planar").getMessage());
        InvalidInputException bare = new InvalidInputException("negative modulus");
        assertEquals("negative modulus", bare.getMessage());
        assertEquals(Optional.empty(), bare.source());
        assertEquals("b.msh:3: negative modulus", bare.at("b.msh", 3).getMessage());
        assertEquals("a.msh:12: found 'x'; expected a number", e.at("b.msh", 3).getMessage());
    }
}
