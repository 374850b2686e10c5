"""Lists pods, creates a ConfigMap and watches a namespace's pods through `skiff serve`, with Debian's
python3-kubernetes client. Usage: python-client.py KUBECONFIG NAMESPACE. Prints one line per step."""
import sys

from kubernetes import client, config, watch

kubeconfig, namespace = sys.argv[1], sys.argv[2]
config.load_kube_config(config_file=kubeconfig)
core = client.CoreV1Api()

pods = core.list_namespaced_pod(namespace)
print("pods:", " ".join(sorted(p.metadata.name for p in pods.items)))

created = core.create_namespaced_config_map(
    namespace,
    client.V1ConfigMap(metadata=client.V1ObjectMeta(name="from-python"), data={"greeting": "hello"}),
)
print("created:", created.metadata.name, created.data["greeting"])

# the watch starts with an ADDED event per existing pod; stop after the first one
stream = watch.Watch()
for event in stream.stream(core.list_namespaced_pod, namespace, timeout_seconds=10):
    print("watch:", event["type"], event["object"].metadata.name)
    stream.stop()
    break
