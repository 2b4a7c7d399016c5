// TorchSharp 0.107 converts numbers to Scalar objects implicitly (every `a + b` passes alpha = 1 this way)
// and reads their native handle before the native call, without keeping the Scalar alive. A garbage
// collection started by another thread during that call can finalize the Scalar and free it while libtorch
// reads it ("Unknown scalar type", Scalar::toFloat). A training loop is safe because it is the only thread
// that allocates much; test classes running TorchSharp work on parallel threads are not. So the classes of
// each test assembly run one at a time (the test projects themselves still run in parallel, as separate
// processes with their own heaps).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
