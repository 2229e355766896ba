/**
 * The OpenCL backend (through JOCL) of the NN-PES: {@link org.isthmus.atomistic.opencl.OpenClDevices}
 * finds and chooses a device, {@link org.isthmus.atomistic.opencl.OpenClNnpPotential} evaluates an
 * {@link org.isthmus.atomistic.nnp.NnpPotential} on it in double precision, with the same results as
 * the Java backend to round-off. Kernel source lives in resource files beside this package.
 */
package org.isthmus.atomistic.opencl;
