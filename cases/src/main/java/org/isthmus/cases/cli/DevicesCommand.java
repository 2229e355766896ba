package org.isthmus.cases.cli;

import java.util.concurrent.Callable;

import org.isthmus.atomistic.opencl.OpenClDevices;

import picocli.CommandLine.Command;

/**
 * {@code isthmus devices}: the OpenCL platforms and devices of this machine, one line each
 * (platform:device index, kind, name, platform, double precision, compute units, memory), and the
 * device {@code --backend auto} would choose; or the reason there is none.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"List the OpenCL devices (for --backend opencl --device P:D) and the one 'auto' chooses."})
public final class DevicesCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println(OpenClDevices.describeAll());
        return Isthmus.OK;
    }
}
