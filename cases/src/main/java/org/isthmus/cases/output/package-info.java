/** Result files written atomically and progress display for long runs. */
package org.isthmus.cases.output;
