package org.isthmus.cases.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.isthmus.atomistic.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Short names of shipped potentials resolve to the project's {@code potentials/} directories. */
class ShippedPotentialsTest {

    @Test
    void siSwResolvesToTheRepositoryDirectory() {
        Path dir = ShippedPotentials.resolve("si-sw");
        assertTrue(Files.isRegularFile(dir.resolve("input.nn")), dir.toString());
        assertEquals("si-sw", dir.getFileName().toString());
        assertEquals(ShippedPotentials.FOLDER, dir.getParent().getFileName().toString());
        assertTrue(ShippedPotentials.names().contains("si-sw"));
        assertTrue(ShippedPotentials.isShipped("si-sw"));
    }

    @Test
    void unknownNameListsTheShippedOnesAndSuggests() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ShippedPotentials.resolve("si-ws"));
        assertTrue(e.getMessage().contains("shipped: [") && e.getMessage().contains("si-sw"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'si-sw'"), e.getMessage());
        assertTrue(!ShippedPotentials.isShipped("si-ws"));
    }

    @Test
    void pathsAreNotNames() {
        assertThrows(InvalidInputException.class, () -> ShippedPotentials.resolve("../potentials/si-sw"));
        assertThrows(InvalidInputException.class, () -> ShippedPotentials.resolve(""));
        assertTrue(!ShippedPotentials.isShipped("si-sw/"));
    }
}
