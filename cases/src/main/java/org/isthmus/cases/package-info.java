/** Isthmus cases module. */
package org.isthmus.cases;
