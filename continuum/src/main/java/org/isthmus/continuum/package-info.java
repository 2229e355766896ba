/** Isthmus continuum module. */
package org.isthmus.continuum;
