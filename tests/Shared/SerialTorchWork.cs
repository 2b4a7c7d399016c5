// TorchSharp 0.107 converts numbers to Scalar objects implicitly (every `a + b` passes alpha = 1 this way)
// and does not keep them alive across the native call that reads them. A garbage collection during that
// call lets the finalizer free the Scalar while libtorch reads it ("Unknown scalar type"). The engine
// collects only at its collection points (see Engine/Training/CollectionPoint.cs), which holds for one
// loop at a time: two test classes driving TorchSharp on parallel threads would collect inside each
// other's native calls. So the classes of each test assembly run one at a time (the test projects still
// run in parallel, as separate processes with their own heaps).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
