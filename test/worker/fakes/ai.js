// An in-process stand-in for the Workers AI binding: only the calls this project makes, answered
// deterministically (an embedding model returns fixed-size vectors; a chat model echoes a cited
// sentence), so the Worker's wiring can be exercised without the service.
export default function () {
  return {
    async run(model, inputs) {
      if (/bge|embedding/.test(model)) {
        const texts = Array.isArray(inputs.text) ? inputs.text : [inputs.text];
        const data = texts.map((t) => Array.from({ length: 8 }, (_, i) => ((t.charCodeAt(i % t.length) || 1) % 17) / 17));
        return { shape: [data.length, 8], data };
      }
      return { response: '資料に基づいてお答えします[1]。' };
    },
  };
}
