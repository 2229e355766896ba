/** Isthmus coupling module. */
package org.isthmus.coupling;
