/**
 * The {@code isthmus} command line and everything only a command line needs: reading potential
 * descriptions, result files written atomically, progress display.
 */
package org.isthmus.cases;
